using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>
/// Fails closed: every page and endpoint declares who it is for (a child operation, staff, portal, anyone signed in,
/// or anonymous). A route that declares nothing is reported here, and answers 404 at run time.
/// </summary>
public sealed class RouteRuleSweepTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private readonly FamilyTimeFactory app = fixture.Factory;

    [Fact]
    public void Every_page_and_endpoint_declares_its_rule()
    {
        var routes = RouteCatalogue.Of(app.Services);
        // The catalogue really sees the app: pages, the API and the calendar feed are all there.
        Assert.Contains(routes, r => r.IsPage && r.Pattern == "/Children/{id:guid}/Plan");
        Assert.Contains(routes, r => !r.IsPage && r.Pattern == "/api/v1/children/{id:guid}/plan");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/calendar/", StringComparison.Ordinal));
        Assert.True(routes.Count > 80, $"only {routes.Count} routes found");

        var undeclared = routes.Where(r => !r.Declared).Select(r => $"{string.Join(",", r.Methods)} {r.Pattern} ({r.Source})").ToList();
        Assert.True(undeclared.Count == 0, "Routes that declare no rule:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void Every_child_route_names_a_child_operation_and_only_child_routes_do()
    {
        var routes = RouteCatalogue.Of(app.Services);
        var wrong = routes
            .Where(r => !r.IsAnonymous)
            .Where(r => r.Pattern.Contains("{id:guid}", StringComparison.Ordinal) && (r.Pattern.StartsWith("/Children/", StringComparison.Ordinal)
                || r.Pattern.StartsWith("/Portal/Children/", StringComparison.Ordinal) || r.Pattern.StartsWith("/api/v1/children/", StringComparison.Ordinal)
                || r.Pattern.StartsWith("/api/v1/portal/children/", StringComparison.Ordinal))
                ? r.Rule is not ForChildAttribute
                : r.Rule is ForChildAttribute)
            .Select(r => $"{r.Pattern} ({r.Source}): {r.Rule?.GetType().Name ?? "none"}")
            .ToList();
        Assert.True(wrong.Count == 0, "Child routes must declare [ForChild(...)], and nothing else may:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_sweep_catches_a_route_and_a_page_left_unannotated()
    {
        var bare = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/children/{id:guid}/forgotten"), 0)
        {
            DisplayName = "a deliberately unannotated endpoint",
        }.Build();
        var declared = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/tasks"), 0)
        {
            Metadata = { new StaffOnlyAttribute() },
        }.Build();
        var open = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/health"), 0)
        {
            Metadata = { new AllowAnonymousAttribute() },
        }.Build();

        var routes = RouteCatalogue.Of([bare, declared, open], typeof(Program).Assembly);

        var undeclared = Assert.Single(routes, r => !r.Declared);
        Assert.Equal("/api/v1/children/{id:guid}/forgotten", undeclared.Pattern);
        // A page is read the same way: a model without a rule, or a page without a model, declares nothing.
        Assert.False(RouteCatalogue.Page("/Children/{id:guid}/Forgotten", typeof(ForgottenPageModel), "/Features/Forgotten.cshtml").Declared);
        Assert.False(RouteCatalogue.Page("/Forgotten", null, "/Features/Forgotten.cshtml").Declared);
        Assert.True(RouteCatalogue.Page("/Children", typeof(FamilyTime.Web.Features.Children.IndexModel), "/Features/Children/Index.cshtml").Declared);
    }

    [Fact]
    public async Task An_undeclared_route_answers_404_to_everyone_signed_in()
    {
        // The app's own middleware, given an endpoint without a rule, refuses it: nothing is open by omission.
        var http = new DefaultHttpContext { RequestServices = app.Services.CreateScope().ServiceProvider };
        http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "someone"), new(System.Security.Claims.ClaimTypes.Role, "SocialWorker")], "test"));
        http.SetEndpoint(new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/Forgotten"), 0).Build());
        var reached = false;
        var door = new RouteRuleMiddleware(_ => { reached = true; return Task.CompletedTask; },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RouteRuleMiddleware>.Instance);

        await door.InvokeAsync(http);

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_declared_route_reached_without_a_sign_in_answers_404()
    {
        // Authorization asks a visitor to sign in before this; should anything slip past it, the door still refuses.
        var http = new DefaultHttpContext { RequestServices = app.Services.CreateScope().ServiceProvider };
        http.SetEndpoint(new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/Inbox"), 0)
        {
            Metadata = { new StaffOnlyAttribute() },
        }.Build());
        var reached = false;
        var door = new RouteRuleMiddleware(_ => { reached = true; return Task.CompletedTask; },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RouteRuleMiddleware>.Instance);

        await door.InvokeAsync(http);

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
    }

    /// <summary>Deliberately declares nothing.</summary>
    private sealed class ForgottenPageModel : PageModel;
}

using System.Reflection;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>One route of the app as the door sees it: its methods, its pattern, and the rule it declares.</summary>
public sealed record CatalogueRoute(string Pattern, IReadOnlyList<string> Methods, bool IsPage, bool IsAnonymous, RouteRuleAttribute? Rule, string Source)
{
    public bool Declared => IsAnonymous || Rule is not null;
}

/// <summary>
/// Every page and endpoint the app serves, read from its endpoint data source; a Razor page's rule is read from its
/// page model, where ASP.NET reads it once the page is compiled.
/// </summary>
public static class RouteCatalogue
{
    public static IReadOnlyList<CatalogueRoute> Of(IServiceProvider services) =>
        Of(services.GetRequiredService<EndpointDataSource>().Endpoints, typeof(Program).Assembly);

    public static IReadOnlyList<CatalogueRoute> Of(IEnumerable<Endpoint> endpoints, Assembly pages)
    {
        var models = PageModels(pages);
        var routes = new List<CatalogueRoute>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                routes.Add(Page(pattern, models.GetValueOrDefault(page.RelativePath), page.RelativePath));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.Add(new CatalogueRoute(pattern, methods.ToList(), false,
                RouteRuleCheck.IsAnonymous(endpoint), RouteRuleCheck.RuleOf(endpoint), endpoint.DisplayName ?? pattern));
        }
        return routes;
    }

    /// <summary>A page route as its model declares it: a page without a model declares nothing.</summary>
    public static CatalogueRoute Page(string pattern, Type? model, string path)
    {
        var attributes = model?.GetCustomAttributes(inherit: true) ?? [];
        return new CatalogueRoute(pattern, ["GET", "POST"], true,
            attributes.OfType<IAllowAnonymous>().Any(), attributes.OfType<RouteRuleAttribute>().FirstOrDefault(),
            model?.FullName ?? $"{path} (no page model)");
    }

    /// <summary>Each compiled page's path ("/Features/Children/Index.cshtml") → the type of its model.</summary>
    public static Dictionary<string, Type?> PageModels(Assembly assembly) =>
        assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .ToDictionary(i => i.Identifier, i => ModelOf(i.Type), StringComparer.OrdinalIgnoreCase);

    /// <summary>The page's @model type; a page without one is its own model and declares nothing.</summary>
    private static Type? ModelOf(Type pageType)
    {
        var model = pageType.GetProperty("Model", BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        return model is not null && typeof(PageModel).IsAssignableFrom(model) ? model : null;
    }
}

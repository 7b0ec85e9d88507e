using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Web.Demo;

namespace FamilyTime.IntegrationTests;

/// <summary>For every role: records inside their reach answer 200, records outside answer 404, on pages and the API.</summary>
public abstract class AccessTests(FamilyTimeFactory app)
{
    public static TheoryData<string> Everyone => new(DemoAccounts.All.Select(a => a.UserName));

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Child_page_answers_200_inside_reach_and_404_outside(string userName)
    {
        var (inside, outside) = await app.DbAsync(db => Reach.ForAsync(db, userName));
        var pages = await app.PagesAsAsync(userName);

        var outsideStatus = (await pages.GetAsync($"/Children/{outside}")).StatusCode;
        Assert.Equal(HttpStatusCode.NotFound, outsideStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Portal/Children/{outside}")).StatusCode);

        if (userName == "admin")
        {
            Assert.Null(inside);
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Admin/Audit")).StatusCode);
            return;
        }
        Assert.NotNull(inside);
        if (userName == "parent1")
        {
            // A parent's view of their child is the portal; the case page sends them there.
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Portal/Children/{inside}")).StatusCode);
            var casePage = await pages.GetAsync($"/Children/{inside}");
            Assert.Equal(HttpStatusCode.Redirect, casePage.StatusCode);
            Assert.Equal($"/Portal/Children/{inside}", casePage.Headers.Location?.OriginalString);
            return;
        }
        var page = await pages.GetAsync($"/Children/{inside}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Child_api_answers_200_inside_reach_and_404_outside(string userName)
    {
        var (inside, outside) = await app.DbAsync(db => Reach.ForAsync(db, userName));
        var api = await app.ApiAsAsync(userName);

        var refused = await api.GetAsync($"/api/v1/children/{outside}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{outside}/people")).StatusCode);

        if (inside is { } id)
        {
            var answer = await api.GetAsync($"/api/v1/children/{id}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var child = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(id, child.GetProperty("id").GetGuid());
            if (userName == "parent1")
            {
                // A parent never sees where the child lives or who cares for them.
                Assert.Equal("Family", child.GetProperty("access").GetString());
                Assert.Equal(JsonValueKind.Null, child.GetProperty("home").ValueKind);
                Assert.Equal(0, child.GetProperty("people").GetArrayLength());
                Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{id}/people")).StatusCode);
            }
        }
        else
        {
            Assert.Equal("admin", userName);
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_list_holds_exactly_the_children_each_record_check_lets_in(string userName)
    {
        var api = await app.ApiAsAsync(userName);
        var listed = (await api.GetFromJsonAsync<JsonElement[]>("/api/v1/children?pageSize=500"))!
            .Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        var all = await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Children.Select(c => c.Id)));

        foreach (var id in all)
        {
            var status = (await api.GetAsync($"/api/v1/children/{id}")).StatusCode;
            Assert.True(listed.Contains(id) == (status == HttpStatusCode.OK),
                $"{userName}: child {id} is {(listed.Contains(id) ? "" : "not ")}listed but its record answers {status}");
        }
        Assert.Equal(userName == "admin", listed.Count == 0);
    }

    [Fact]
    public async Task Signed_out_requests_are_sent_to_sign_in_or_refused()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/children")).StatusCode);
    }

    [Fact]
    public async Task The_api_does_not_accept_the_page_cookie()
    {
        var pages = await app.PagesAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.GetAsync("/api/v1/children")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class AccessTestsOnSqlite(SqliteApp app) : AccessTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AccessTestsOnPostgres(PostgresApp app) : AccessTests(app.Factory), IClassFixture<PostgresApp>;

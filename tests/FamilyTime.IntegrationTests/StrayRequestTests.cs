using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Requests no handler answers, as the HTTP fuzz harness sends them: a form posted to a page that only reads, a body
/// of the wrong type. Each gets the plain status it deserves, never a server
/// error (Razor Pages used to render such a page without loading its model, and fail).
/// </summary>
public abstract class StrayRequestTests(FamilyTimeFactory app)
{
    private async Task<(HttpClient Pages, Guid Child, string Token)> SignedInAsync()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var children = await api.GetFromJsonAsync<JsonElement>("/api/v1/children");
        var child = children[0].GetProperty("id").GetGuid();
        var pages = await app.PagesAsAsync("socialworker1");
        var token = FamilyTimeFactory.AntiforgeryToken(await pages.GetStringAsync("/Account/Security"));
        return (pages, child, token);
    }

    [Fact]
    public async Task A_form_posted_to_a_page_that_only_reads_answers_405_not_a_server_error()
    {
        var (pages, child, token) = await SignedInAsync();

        foreach (var path in new[] { $"/Children/{child}", $"/Children/{child}/Trend", $"/Children/{child}/Connections" })
        {
            var answer = await pages.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(answer.StatusCode == HttpStatusCode.MethodNotAllowed, $"POST {path} answered {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_answers_415_not_404()
    {
        var api = await app.ApiAsAsync("socialworker1");

        var answer = await api.PostAsync("/api/v1/children", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
    }
}

public sealed class StrayRequestTestsOnSqlite(SqliteApp app) : StrayRequestTests(app.Factory), IClassFixture<SqliteApp>;

public sealed class StrayRequestTestsOnPostgres(PostgresApp app) : StrayRequestTests(app.Factory), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;

namespace FamilyTime.IntegrationTests;

/// <summary>The language check page: staff paste text and get the advice; it never stores what they paste.</summary>
public abstract class LanguagePageTests(FamilyTimeFactory app)
{
    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, string text, string? childsWord = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Text"] = text,
            ["ChildsWord"] = childsWord ?? "",
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await client.GetStringAsync("/Language/Check")),
        };
        return await client.PostAsync("/Language/Check", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Posting_text_shows_each_flagged_phrase_in_context_with_why_and_kinder_words()
    {
        var worker = await app.PagesAsAsync("contactworker1");
        var auditBefore = await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries));

        var response = await CheckAsync(worker, "At the session mum failed to engage and Jo refused the snack. The next contact is Friday.", "seeing Mum");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Words you might change", html);
        Assert.Contains("At the session mum <mark>failed to engage</mark> and Jo refused the snack.", html);
        Assert.Contains("<mark>refused</mark>", html);
        Assert.Contains("<mark>contact</mark>", html);
        Assert.Contains("Blames the person; says nothing about what got in the way.", html);
        Assert.Contains("<li>hasn't been able to attend yet</li>", html);
        Assert.Contains("<li>said no because…</li>", html);
        Assert.Contains("<li>“seeing Mum” (the child's own words)</li>", html);
        Assert.Contains("<a class=\"govuk-link\" href=\"#Text\">What you have written</a>", html);
        // What was pasted is written back into the box, and nothing about it is kept.
        Assert.Contains(">At the session mum failed to engage", html);
        Assert.Equal(auditBefore, await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries)));
    }

    /// <summary>The API checks the same way, with where each phrase is; a carer does not find it, as with the page.</summary>
    [Fact]
    public async Task The_api_checks_text_with_where_each_phrase_is_and_why()
    {
        const string Text = "At the session mum failed to engage and Jo refused the snack. The next contact is Friday.";
        var worker = await app.ApiAsAsync("contactworker1");
        var response = await worker.PostAsJsonAsync("/api/v1/language/check", new { text = Text, childsWord = "seeing Mum" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var advice = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("advice").EnumerateArray().ToList();
        Assert.Equal(["failed to engage", "refused", "contact"], advice.Select(a => a.GetProperty("found").GetString()));
        var first = advice[0];
        Assert.Equal("failed to engage", Text.Substring(first.GetProperty("start").GetInt32(), first.GetProperty("length").GetInt32()));
        Assert.Equal("Blames the person; says nothing about what got in the way.", first.GetProperty("why").GetString());
        Assert.Contains("hasn't been able to attend yet", first.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));

        var kind = await worker.PostAsJsonAsync("/api/v1/language/check", new { text = "Mum brought a cake; Jo laughed." });
        Assert.Empty(System.Text.Json.JsonDocument.Parse(await kind.Content.ReadAsStringAsync()).RootElement.GetProperty("advice").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("/api/v1/language/check", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("/api/v1/language/check", new { text = new string('a', 20_001) })).StatusCode);
        // A staff route is not there at all for a carer, as for every portal user.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("carer1")).PostAsJsonAsync("/api/v1/language/check", new { text = Text })).StatusCode);
    }

    [Fact]
    public async Task Kind_text_gets_no_advice_and_contact_is_left_alone_without_the_childs_own_word()
    {
        var worker = await app.PagesAsAsync("socialworker1");
        var response = await CheckAsync(worker, "Mum contacted the school. The next contact is Friday; Mia wore her black coat.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No words to change were found.", html);
        Assert.DoesNotContain("<mark>", html);
    }

    [Fact]
    public async Task Empty_text_shows_the_error_summary()
    {
        var response = await CheckAsync(await app.PagesAsAsync("socialworker1"), "  ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#Text\">Paste or write the text to check</a>", html);
    }

    [Fact]
    public async Task The_page_is_for_staff_and_needs_the_antiforgery_token()
    {
        foreach (var family in new[] { "parent1", "carer1" })
        {
            // A staff page is not a portal user's to learn of: 404 (it was a redirect to /Account/AccessDenied).
            var response = await (await app.PagesAsAsync(family)).GetAsync("/Language/Check");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var worker = await app.PagesAsAsync("iro1");
        var forged = await worker.PostAsync("/Language/Check", new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "refused" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class LanguagePageTestsOnSqlite(SqliteApp app) : LanguagePageTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class LanguagePageTestsOnPostgres(PostgresApp app) : LanguagePageTests(app.Factory), IClassFixture<PostgresApp>;

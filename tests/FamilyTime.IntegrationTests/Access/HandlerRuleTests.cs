using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>
/// What the route matrix cannot see: a page handler that does more than its page (agreeing or sharing the plan on a page
/// anyone holding the case may read) is held to its own operation with a real form post, and a child in reach never
/// opens another child's session, person or arrangement through its own address.
/// </summary>
public abstract class HandlerRuleTests(FamilyTimeFactory app)
{
    [Theory]
    [InlineData("headofservice1", "Share")]
    [InlineData("headofservice1", "Agree")]
    [InlineData("iro1", "Review")]
    public async Task A_case_holder_who_reads_the_plan_is_refused_its_editors_handlers_with_the_reason(string userName, string handler)
    {
        var child = await WithAgreedPlanAsync("iro1");
        var before = await app.DbAsync(db => db.ContactPlans.AsNoTracking().Where(p => p.ChildId == child).Select(p => new { p.Version, p.SharedWithFamilyOn, p.AgreedVersion }).SingleAsync());
        var client = await app.PagesAsAsync(userName);
        var page = await client.GetAsync($"/Children/{child}/Plan");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var post = await client.PostAsync($"/Children/{child}/Plan?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["NextReviewOn.Day"] = "1", ["NextReviewOn.Month"] = "6", ["NextReviewOn.Year"] = "2027",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("Only the child&#x27;s allocated social worker or their team manager can do this.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await app.DbAsync(db => db.ContactPlans.AsNoTracking().Where(p => p.ChildId == child).Select(p => new { p.Version, p.SharedWithFamilyOn, p.AgreedVersion }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Another_childs_records_are_not_found_through_a_child_in_reach()
    {
        var (inside, _) = await app.DbAsync(db => Reach.AllAsync(db, "socialworker1"));
        var mine = await WithAgreedPlanAsync("socialworker1");
        // A child out of reach that has sessions, people and arrangements to try.
        var theirs = await app.DbAsync(db => db.Children.Where(c => !inside.Contains(c.Id) && db.Sessions.Any(s => s.ChildId == c.Id && s.ArrangementId != null))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => c.Id).FirstAsync());
        var other = await app.DbAsync(async db => new
        {
            Session = await db.Sessions.Where(s => s.ChildId == theirs && s.ArrangementId != null).Select(s => s.Id).FirstAsync(),
            Person = await db.SignificantPeople.Where(p => p.ChildId == theirs).Select(p => p.Id).FirstAsync(),
            Arrangement = await db.Arrangements.Where(a => a.ChildId == theirs).Select(a => a.Id).FirstAsync(),
        });
        var pages = await app.PagesAsAsync("socialworker1");
        var api = await app.ApiAsAsync("socialworker1");

        foreach (var path in new[]
        {
            $"/Children/{mine}/Sessions/{other.Session}",
            $"/Children/{mine}/Sessions/{other.Session}/Record/Write",
            $"/Children/{mine}/Sessions/{other.Session}/Wellbeing",
            $"/Children/{mine}/People/{other.Person}/Edit",
            $"/Children/{mine}/Plan/Arrangements/{other.Arrangement}/Edit",
            $"/Children/{mine}/Plan/Arrangements/{other.Arrangement}/End",
            $"/Children/{mine}/Plan/Arrangements/{other.Arrangement}/Suspend",
        })
        {
            Assert.True((await pages.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"{path} did not answer 404");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{mine}/sessions/{other.Session}/record")).StatusCode);
    }

    /// <summary>A child in the user's reach whose plan is agreed (the demo also has children whose family time is not arranged).</summary>
    private Task<Guid> WithAgreedPlanAsync(string userName) => app.DbAsync(async db =>
    {
        var (inside, _) = await Reach.AllAsync(db, userName);
        return await db.Children.Where(c => inside.Contains(c.Id) && db.ContactPlans.Any(p => p.ChildId == c.Id && p.AgreedVersion > 0))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => c.Id).FirstAsync();
    });
}

public sealed class HandlerRuleTestsOnSqlite(SqliteApp fixture) : HandlerRuleTests(fixture.Factory), IClassFixture<SqliteApp>;

public sealed class HandlerRuleTestsOnPostgres(PostgresApp fixture) : HandlerRuleTests(fixture.Factory), IClassFixture<PostgresApp>;

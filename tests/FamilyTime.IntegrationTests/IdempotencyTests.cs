using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Idempotency-Key on the creating POSTs: retries of one request create one record and all get its answer; the key
/// with another body is refused; a key is forgotten after 24 hours by the app's clock.
/// </summary>
public abstract class IdempotencyTests(FamilyTimeFactory app)
{
    private async Task<HttpRequestMessage> NewChildAsync(string key, string firstName)
    {
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/children") { Content = JsonContent.Create(ApiInput.NewChild(household, firstName)) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private Task<int> ChildrenNamedAsync(string firstName) => app.DbAsync(db => db.Children.CountAsync(c => c.FirstName == firstName));

    [Fact]
    public async Task A_hundred_retries_at_once_with_one_key_create_one_child_and_all_answer_the_same()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var key = Guid.NewGuid().ToString();
        var requests = new List<HttpRequestMessage>();
        for (var i = 0; i < 100; i++)
        {
            requests.Add(await NewChildAsync(key, "Idempotia"));
        }
        var answers = await Task.WhenAll(requests.Select(async r =>
        {
            var response = await api.SendAsync(r);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(), response.Headers.Location);
        }));
        Assert.Equal(1, await ChildrenNamedAsync("Idempotia"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers.Select(a => a.Location).Distinct());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_creates_nothing()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(await NewChildAsync(key, "Keyfirst"))).StatusCode);
        var other = await api.SendAsync(await NewChildAsync(key, "Keysecond"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(0, await ChildrenNamedAsync("Keysecond"));
    }

    [Fact]
    public async Task An_empty_or_overlong_key_is_refused_with_400()
    {
        var api = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(await NewChildAsync(new string('k', 256), "Keylong"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(await NewChildAsync(" ", "Keylong"))).StatusCode);
        Assert.Equal(0, await ChildrenNamedAsync("Keylong"));
    }

    [Fact]
    public async Task A_retry_after_25_hours_creates_a_new_child()
    {
        var key = Guid.NewGuid().ToString();
        var api = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(await NewChildAsync(key, "Keylater"))).StatusCode);
        var replay = await api.SendAsync(await NewChildAsync(key, "Keylater"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await ChildrenNamedAsync("Keylater"));

        app.Clock.Advance(TimeSpan.FromHours(25));
        var later = await app.ApiAsAsync("socialworker1");
        var again = await later.SendAsync(await NewChildAsync(key, "Keylater"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ChildrenNamedAsync("Keylater"));
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app.Factory), IClassFixture<PostgresApp>;

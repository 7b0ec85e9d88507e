using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>GET /api/v1/tasks: the caller's own open tasks, and nobody else's.</summary>
public abstract class TaskApiTests(FamilyTimeFactory app)
{
    private static readonly DateTime Created = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private async Task<WorkTask> AddAsync(string userName, string title, DateOnly? dueOn, bool done = false)
    {
        var userId = await app.UserIdAsync(userName);
        var task = WorkTask.Create($"test:{Guid.NewGuid()}", TaskKind.ReviewDue, userId, null, title, "/Inbox", dueOn, Created);
        if (done)
        {
            task.Complete(userId, Created.AddHours(1));
        }
        await app.DbAsync(async db =>
        {
            db.Tasks.Add(task);
            return await db.SaveChangesAsync();
        });
        return task;
    }

    [Fact]
    public async Task A_worker_reads_their_own_open_tasks_soonest_due_first()
    {
        var m = Guid.NewGuid().ToString("N")[..8];
        var later = await AddAsync("socialworker1", $"Later {m}", new DateOnly(2026, 4, 1));
        var sooner = await AddAsync("socialworker1", $"Sooner {m}", new DateOnly(2026, 3, 10));
        var undated = await AddAsync("socialworker1", $"Undated {m}", null);
        await AddAsync("socialworker1", $"Done {m}", new DateOnly(2026, 3, 5), done: true);
        await AddAsync("manager1", $"Someone else's {m}", new DateOnly(2026, 3, 5));
        var client = await app.ApiAsAsync("socialworker1");

        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks");

        var mine = tasks.EnumerateArray().Where(t => t.GetProperty("title").GetString()!.EndsWith(m, StringComparison.Ordinal)).ToList();
        Assert.Equal([sooner.Id, later.Id, undated.Id], mine.Select(t => t.GetProperty("id").GetGuid()));
        var first = mine[0];
        Assert.Equal("ReviewDue", first.GetProperty("kind").GetString());
        Assert.Equal("2026-03-10", first.GetProperty("dueOn").GetString());
        Assert.Equal("/Inbox", first.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, mine[2].GetProperty("dueOn").ValueKind);
        var ids = await app.DbAsync(db => db.Tasks.Where(t => t.AssigneeId != db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).First()).Select(t => t.Id).ToListAsync());
        Assert.DoesNotContain(tasks.EnumerateArray(), t => ids.Contains(t.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Without_a_token_the_tasks_are_refused()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_page_cookie_does_not_reach_the_tasks()
    {
        var pages = await app.PagesAsAsync("socialworker1");

        var response = await pages.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_tasks()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/tasks").TryGetProperty("get", out var get));
        Assert.Contains("Tasks", get.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }
}

public sealed class TaskApiTestsOnSqlite(SqliteApp app) : TaskApiTests(app.Factory), IClassFixture<SqliteApp>;

public sealed class TaskApiTestsOnPostgres(PostgresApp app) : TaskApiTests(app.Factory), IClassFixture<PostgresApp>;

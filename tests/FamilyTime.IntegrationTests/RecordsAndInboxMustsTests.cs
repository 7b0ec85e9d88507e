using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 10, items 1, 6, 13, 18 and 19 on both engines: a record for every held supervised session, the risk gate,
/// coded reasons for our cancellations and the report, the contact worker's records to write, decision tasks.
/// </summary>
public abstract partial class RecordsAndInboxMustsTests(FamilyTimeFactory app)
{
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private sealed record Past(Guid ChildId, Guid SessionId, Guid ArrangementId);

    /// <summary>
    /// A past session of a supervised or assessed arrangement run by contactworker1, still as planned and unrecorded;
    /// <paramref name="skip"/> picks another, so tests sharing the database never take the same one.
    /// </summary>
    private Task<Past> PastSupervisedSessionAsync(int skip) => app.DbAsync(async db =>
    {
        var worker = await db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.Id).SingleAsync();
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.SupervisorId == worker && s.Date < Today && s.Status == SessionStatus.Planned && s.RecordedAt == null && s.ArrangementId != null
                && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.FactorsMask == 0 && a.Type != ArrangementType.Unsupervised))
            .OrderByDescending(s => s.Date).ThenBy(s => s.Id).Skip(skip).Select(s => new { s.ChildId, s.Id, s.ArrangementId }).FirstAsync();
        return new Past(found.ChildId, found.Id, found.ArrangementId!.Value);
    });

    private static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text;
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }

    private static object RecordBody => new
    {
        startedAt = "10:00", endedAt = "11:00", whoAttended = "Mum and the family time worker", interaction = "They played with the bricks together.",
        assessedWarmth = "A warm greeting.",
    };

    [Fact]
    public async Task Supervised_session_cannot_close_without_a_record_and_stays_overdue_until_it_is_written()
    {
        var s = await PastSupervisedSessionAsync(0);
        var sw = await app.ApiAsAsync("socialworker1");
        var refused = await BodyAsync(await sw.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/close", new { outcome = "TookPlace" }), HttpStatusCode.BadRequest);
        Assert.Contains("closed off by writing its record", refused, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, await app.DbAsync(db => db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.Status).SingleAsync()));

        // It stays overdue in the social worker's inbox, and waits in the supervisor's.
        var link = $"/Children/{s.ChildId}/Sessions/{s.SessionId}";
        Assert.Contains(link, await (await app.PagesAsAsync("socialworker1")).GetStringAsync("/Inbox"), StringComparison.Ordinal);
        var worker = await app.PagesAsAsync("contactworker1");
        Assert.Contains(link + "/Record/Write", await worker.GetStringAsync("/Inbox"), StringComparison.Ordinal);

        await BodyAsync(await (await app.ApiAsAsync("contactworker1")).PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/record", RecordBody), HttpStatusCode.Created);
        Assert.DoesNotContain(link + "/Record/Write", await worker.GetStringAsync("/Inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_workers_inbox_lists_the_sessions_they_supervised_that_await_a_record()
    {
        var worker = await app.UserIdAsync("contactworker1");
        var awaiting = await app.DbAsync(async db => await db.Sessions.AsNoTracking()
            .Where(s => s.SupervisorId == worker && s.Date < Today && s.RecordedAt == null && s.Status == SessionStatus.Planned
                && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type != ArrangementType.Unsupervised))
            .Select(s => new { s.ChildId, s.Id, s.Date }).ToListAsync());
        Assert.NotEmpty(awaiting);
        var inbox = WebUtility.HtmlDecode(await (await app.PagesAsAsync("contactworker1")).GetStringAsync("/Inbox"));
        Assert.DoesNotContain("Nothing is waiting for you", inbox, StringComparison.Ordinal);
        foreach (var s in awaiting)
        {
            Assert.Contains($"/Children/{s.ChildId}/Sessions/{s.Id}/Record/Write", inbox, StringComparison.Ordinal);
        }
        // Within each child, the most days overdue first.
        var first = awaiting.GroupBy(s => s.ChildId).First();
        var positions = first.OrderBy(s => s.Date).Select(s => inbox.IndexOf($"/Sessions/{s.Id}/Record/Write", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Sessions_list_shows_the_recent_past_by_default()
    {
        var s = await PastSupervisedSessionAsync(1);
        var page = await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{s.ChildId}/Sessions");
        var recent = await app.DbAsync(db => db.Sessions.Where(x => x.ChildId == s.ChildId && x.Date < Today && x.Date >= Today.AddDays(-28)).Select(x => x.Id).FirstAsync());
        Assert.Contains($"/Sessions/{recent}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_of_harm_ticked_blocks_holding_the_next_session_until_a_risk_assessment_is_recorded()
    {
        var s = await PastSupervisedSessionAsync(2);
        var mask = (1 << (int)DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers) | (1 << (int)DifficultFamilyTimeFactor.SubstanceMisuse);
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Arrangements\" SET \"FactorsMask\" = {mask} WHERE \"Id\" = {s.ArrangementId}"));
        var record = $"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/record";
        var worker = await app.ApiAsAsync("contactworker1");
        Assert.Contains("A full risk assessment is needed", await BodyAsync(await worker.PostAsJsonAsync(record, RecordBody), HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // The session page says why and where to go; the risk assessment needs who, when and what it concluded.
        var sw = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{s.ChildId}/Sessions/{s.SessionId}/RiskAssessment";
        Assert.Contains(url, await sw.GetStringAsync($"/Children/{s.ChildId}/Sessions/{s.SessionId}"), StringComparison.Ordinal);
        var form = await sw.GetStringAsync(url);
        Assert.DoesNotContain("handler=Override", form, StringComparison.Ordinal);
        var incomplete = await sw.PostAsync(url, Form(form, new() { ["AssessedBy"] = "", ["Summary"] = "" }));
        // Shown again with its problems, as every form here is.
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("Say who carried out the risk assessment", WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var day = Today.AddDays(-1);
        var saved = await sw.PostAsync(url, Form(form, new()
        {
            ["AssessedBy"] = "Sam Patel, social worker", ["AssessedOn.Day"] = $"{day.Day}", ["AssessedOn.Month"] = $"{day.Month}", ["AssessedOn.Year"] = $"{day.Year}",
            ["Outcome"] = "GoAheadWithChanges", ["Summary"] = "A second worker attends; the handover is at the door.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.DbAsync(db => db.RiskAssessments.AsNoTracking().SingleAsync(r => r.ArrangementId == s.ArrangementId));
        Assert.Equal(("Sam Patel, social worker", day, RiskAssessmentOutcome.GoAheadWithChanges), (stored.AssessedBy, stored.AssessedOn, stored.Outcome));
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == nameof(AuditRecord.RiskAssessment) && e.RecordId == stored.Id)));

        await BodyAsync(await worker.PostAsJsonAsync(record, RecordBody), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_a_team_manager_overrides_the_risk_gate_with_a_reason_and_it_is_audited()
    {
        var s = await PastSupervisedSessionAsync(3);
        var mask = 1 << (int)DifficultFamilyTimeFactor.RiskToCarersOrChild;
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Arrangements\" SET \"FactorsMask\" = {mask} WHERE \"Id\" = {s.ArrangementId}"));
        var url = $"/Children/{s.ChildId}/Sessions/{s.SessionId}/RiskAssessment";
        var sw = await app.PagesAsAsync("socialworker1");
        var swForm = await sw.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, (await sw.PostAsync(url + "?handler=Override", Form(swForm, new() { ["OverrideReason"] = "I think it is fine" }))).StatusCode);

        var manager = await app.PagesAsAsync("manager1");
        var form = await manager.GetStringAsync(url);
        Assert.Contains("handler=Override", form, StringComparison.Ordinal);
        var noReason = await manager.PostAsync(url + "?handler=Override", Form(form, new() { ["OverrideReason"] = " " }));
        Assert.Contains("Say why family time can go ahead before a full risk assessment", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.RiskAssessments.AnyAsync(r => r.ArrangementId == s.ArrangementId)));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(url + "?handler=Override", Form(form, new() { ["OverrideReason"] = "The assessment is booked for Friday; a second worker attends." }))).StatusCode);
        var stored = await app.DbAsync(db => db.RiskAssessments.AsNoTracking().SingleAsync(r => r.ArrangementId == s.ArrangementId));
        Assert.Equal(RiskClearanceKind.ManagerOverride, stored.Kind);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == nameof(AuditRecord.RiskAssessment) && e.RecordId == stored.Id && e.Changes!.Contains("Friday"))));
        await BodyAsync(await (await app.ApiAsAsync("contactworker1")).PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/record", RecordBody), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancellation_by_the_service_needs_a_coded_reason_and_the_report_shows_who_cancels()
    {
        var s = await PastSupervisedSessionAsync(4);
        var api = await app.ApiAsAsync("socialworker1");
        var url = $"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/close";
        Assert.Contains("cancellationReason", await BodyAsync(await api.PostAsJsonAsync(url, new { outcome = "CancelledByAuthority", reason = "Nobody could supervise." }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await BodyAsync(await api.PostAsJsonAsync(url, new { outcome = "CancelledByAuthority", reason = "x", cancellationReason = "Behaviour" }), HttpStatusCode.BadRequest);

        var pages = await app.PagesAsAsync("socialworker1");
        var before = WorkerUnavailableCount(await pages.GetStringAsync("/Sessions/Cancellations"));
        await BodyAsync(await api.PostAsJsonAsync(url, new { outcome = "CancelledByAuthority", reason = "Nobody could supervise.", cancellationReason = "WorkerUnavailable" }), HttpStatusCode.NoContent);
        Assert.Equal(ServiceCancellationReason.WorkerUnavailable, await app.DbAsync(db => db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.CancellationReason).SingleAsync()));
        var report = await pages.GetStringAsync("/Sessions/Cancellations");
        Assert.Equal(before + 1, WorkerUnavailableCount(report));
        Assert.Contains("Cancelled by the family", report, StringComparison.Ordinal);
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("parent1")).GetAsync("/Sessions/Cancellations")).StatusCode);
    }

    private static int WorkerUnavailableCount(string html) =>
        int.Parse(WorkerUnavailableRow().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"No worker was available to supervise</th><td[^>]*>(\d+)</td>")]
    private static partial Regex WorkerUnavailableRow();

    [Fact]
    public async Task Decision_tasks_close_by_the_decision_not_by_mark_as_done()
    {
        var iro = await app.UserIdAsync("iro1");
        var taskId = await app.DbAsync(async db =>
        {
            var child = await db.Children.Where(c => c.IroId == iro).Select(c => c.Id).FirstAsync();
            var tasks = new TaskList(db, app.Clock);
            var key = $"test-decision:{Guid.NewGuid()}";
            await tasks.AddAsync(key, TaskKind.IroDecision, iro, child, "Decide on the proposed change", $"/Children/{child}", Today.AddDays(2), CancellationToken.None);
            await db.SaveChangesAsync();
            return await db.Tasks.Where(t => t.Key == key).Select(t => t.Id).SingleAsync();
        });
        var pages = await app.PagesAsAsync("iro1");
        var inbox = await pages.GetStringAsync("/Inbox");
        Assert.DoesNotContain($"taskId={taskId}", inbox, StringComparison.Ordinal);
        Assert.Contains("Record the decision", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.PostAsync($"/Inbox?handler=Done&taskId={taskId}", Form(inbox, new()))).StatusCode);
        Assert.Null(await app.DbAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.DoneAt).SingleAsync()));
    }
}

[Collection("sqlite")]
public sealed class RecordsAndInboxMustsTestsOnSqlite(SqliteApp app) : RecordsAndInboxMustsTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class RecordsAndInboxMustsTestsOnPostgres(PostgresApp app) : RecordsAndInboxMustsTests(app.Factory), IClassFixture<PostgresApp>;

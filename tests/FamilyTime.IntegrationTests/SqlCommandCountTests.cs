using System.Net;
using Xunit.Abstractions;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// How many SQL commands one warm GET of each main page sends, signed in as the role that uses it, Identity's
/// checks included. Each row's last figure is the most the page may send (on PostgreSQL, which adds the audit chain's
/// advisory lock): the child's page and the plan are held to 6, "My children" to 7 (its view entry's advisory lock), the inbox to 7 (its feedback count); the others to what they
/// send today, so a new query shows up here.
/// </summary>
public abstract class SqlCommandCountTests(FamilyTimeFactory app, ITestOutputHelper output)
{
    /// <summary>In a path, the first child the user reaches (from <see cref="Reach"/>).</summary>
    private const string Child = "{child}";

    [Theory]
    // 7: the child list writes one view entry naming the children shown (issue 14), read in its transaction: on
    // PostgreSQL the chain's advisory lock is the one statement more than on SQLite.
    [InlineData("socialworker1", "/Children", 7)]
    // +1: family time not held for 14 or 30 days (drift), one query for the child's running arrangements.
    [InlineData("socialworker1", "/Children/{child}", 7)]
    // +3: the assessment beside the plan (one query however often it shows), a baby's weeks (one query, under-2s only),
    // and each person's latest letter, sent or not and how (issue 10, item 3a).
    [InlineData("socialworker1", "/Children/{child}/Plan", 9)]
    [InlineData("socialworker1", "/Children/{child}/Sessions", 7)]
    [InlineData("socialworker1", "/Children/{child}/Reviews", 7)]
    [InlineData("socialworker1", "/Children/{child}/Wellbeing", 9)]
    [InlineData("socialworker1", "/Children/{child}/Trend", 5)]
    [InlineData("socialworker1", "/Children/{child}/Assessment", 6)]
    [InlineData("socialworker1", "/Children/{child}/Analysis", 3)]
    [InlineData("socialworker1", "/Children/{child}/Connections", 7)]
    [InlineData("socialworker1", "/Children/{child}/Invitations", 5)]
    [InlineData("socialworker1", "/Children/{child}/Invitations/New", 5)]
    // +1: the count of feedback sent to them that waits for an answer (one query, however much waits).
    [InlineData("socialworker1", "/Inbox", 7)]
    // +1: the teams' family time not held for a month (drift), one query.
    [InlineData("manager1", "/Dashboard", 12)]
    // 7: as the social worker's list, the advisory lock of its view entry.
    [InlineData("manager1", "/Children", 7)]
    // Issue 11: the next family time first. The reader's people, their children, the arrangements they are in, the
    // planned sessions of the next 8 weeks (a child with none looks further on its own), and the count of new notes.
    [InlineData("parent1", "/Portal", 5)]
    // 12: the door, the family guard (+3: the child and home, the carers, the other children), the reader's people and
    // the arrangements they are in, their sessions in both windows (one query), their latest letters, the social
    // worker's contact details, and the view's audit entry (the chain's lock on PostgreSQL, its last entry, the entry).
    [InlineData("parent1", "/Portal/Children/{child}", 12)]
    [InlineData("parent1", "/Portal/Records", 1)]
    [InlineData("parent1", "/api/v1/portal/children", 5)]
    [InlineData("parent1", "/api/v1/portal/children/{child}/sessions", 12)]
    // Issue 11, items 4 and 7. Travel: the claims, the parent's people, their arrangements (a list column, matched in
    // memory), the sessions; the guard only when a refusal is shown. Portfolio: the same three for attendance, the
    // goals, the guard's reads of the child's home (3) and the certificates. Diary: entries, people, arrangements, sessions.
    [InlineData("parent1", "/Portal/Travel", 5)]
    // The coordinator's rota (issue 12): the areas, then the week's area, runs and pins.
    [InlineData("coordinator1", "/Rota", 4)]
    [InlineData("parent1", "/Portal/Portfolio", 9)]
    [InlineData("parent1", "/Portal/Diary", 4)]
    [InlineData("manager1", "/Travel", 3)]
    // A young person's front page (issue 11, item 6): their own child, the family guard's reads, the social worker's
    // name, the people in their life, the next session and the last held ones with their faces.
    [InlineData("youngperson1", "/Portal", 9)]
    [InlineData("youngperson1", "/Portal/Children/{child}/Voice/Talk", 1)]
    [InlineData("socialworker1", "/Children/{child}/Voice", 7)]
    // 8 (issue 11, carer portal): what's next reads the household's children, their sessions with arrangement, venue
    // and supervisor, their people and what is recorded (5 queries), and audits the view of each child (+2).
    [InlineData("carer1", "/Portal", 8)]
    [InlineData("carer1", "/Portal/Children/{child}/Carer", 12)]
    [InlineData("carer1", "/Children/{child}/Wellbeing", 9)]
    [InlineData("iro1", "/Inbox", 6)]
    // Issue 12: the workers (profiles, contact workers, their accounts), the areas, and this week's booked sessions.
    [InlineData("coordinator1", "/Workers", 6)]
    [InlineData("admin", "/Admin/Audit", 1)]
    [InlineData("admin", "/Admin/Outbox", 2)]
    [InlineData("coordinator1", "/Admin/Venues", 6)]
    [InlineData("coordinator1", "/Admin/Venues?Feature=Garden&OpenOn=Saturday&Baby=true", 6)]
    [InlineData("contactworker1", "/api/v1/venues", 5)]
    // Issue 12, the week views, one query per list: a worker's sessions (with child, venue, room, workers and
    // arrangement in one), the names of the people coming, and their records to write. An area's week: the areas the
    // reader may choose, its sessions, the people coming, the area's rooms and the workers on its rota (+1 for a
    // manager with no area of their own: their team's area).
    [InlineData("contactworker1", "/Week", 3)]
    [InlineData("contactworker1", "/Today", 3)]
    [InlineData("socialworker1", "/Week/Children", 2)]
    [InlineData("socialworker1", "/Today/Children", 2)]
    [InlineData("coordinator1", "/Week/Area", 5)]
    [InlineData("manager1", "/Week/Area", 6)]
    [InlineData("contactworker1", "/api/v1/week/mine", 3)]
    [InlineData("coordinator1", "/api/v1/week/area", 5)]
    [InlineData("socialworker1", "/api/v1/children/{child}", 5)]
    [InlineData("socialworker1", "/api/v1/children/{child}/plan", 6)]
    public async Task A_warm_GET_sends_no_more_SQL_commands_than_the_page_allows(string user, string path, int most)
    {
        var counted = await CountAsync(user, path);

        output.WriteLine($"{app.Provider} {user} GET {counted.Path}: {counted.Count} SQL commands, {counted.Connections} connections opened");
        foreach (var line in counted.Lines())
        {
            output.WriteLine(line);
        }
        Assert.Equal(HttpStatusCode.OK, counted.Status);
        Assert.InRange(counted.Count, 1, most);
    }

    private async Task<SqlCountResult> CountAsync(string user, string path)
    {
        if (path.Contains(Child, StringComparison.Ordinal))
        {
            var (inside, _) = await app.DbAsync(db => Reach.ForAsync(db, user));
            Assert.True(inside is not null, $"{user} reaches no child in the demo data");
            path = path.Replace(Child, inside.Value.ToString(), StringComparison.Ordinal);
        }
        var client = path.StartsWith("/api/", StringComparison.Ordinal) ? await app.ApiAsAsync(user) : await app.PagesAsAsync(user);
        return await SqlCount.OfAsync(app, client, path);
    }
}

public sealed class SqlCommandCountTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : SqlCommandCountTests(app.Factory, output), IClassFixture<SqliteApp>;

public sealed class SqlCommandCountTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : SqlCommandCountTests(app.Factory, output), IClassFixture<PostgresApp>;

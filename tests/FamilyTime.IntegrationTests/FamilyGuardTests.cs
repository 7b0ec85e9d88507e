using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 10, items 16, 17, 21 and 3a: where the child lives never reaches a parent (shared notes, letters and their
/// PDFs, messages), sharing is a reviewed step, replies reach the social worker, letters carry a way to answer and
/// are written as new versions when the plan is agreed. Probes are built from what the database holds.
/// </summary>
public abstract class FamilyGuardTests(FamilyTimeFactory app)
{
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    /// <summary>The issue's probes, written with the real home, carers, school and other child of parent1's child.</summary>
    private sealed record Probe(Guid ChildId, Guid SessionId, string Text, IReadOnlyList<string> Secrets);

    private async Task<Probe> ProbeAsync()
    {
        if (await TryProbeAsync() is { } probe)
        {
            return probe;
        }
        // No other child lives there yet: one comes to live in the same home, as a new child would.
        var household = await app.DbAsync(db => NextSessionHomeAsync(db));
        var api = await app.ApiAsAsync("socialworker1");
        var letters = new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(4).ToArray()).ToLowerInvariant();
        await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, "Dovie" + letters)), HttpStatusCode.Created);
        return await TryProbeAsync() ?? throw new InvalidOperationException("No probe could be built from the demo data");
    }

    /// <summary>The sessions a probe can use: parent1's child's past supervised sessions with no record yet, in a carer household.</summary>
    private async Task<List<FamilyTimeSession>> CandidatesAsync(FamilyTime.Data.FamilyTimeDbContext db)
    {
        var parent1 = await db.Users.Where(u => u.UserName == "parent1").Select(u => u.Id).FirstAsync();
        var mothers = await db.SignificantPeople.Where(p => p.PortalUserId == parent1).Select(p => p.Id).ToListAsync();
        var arrangements = await db.Arrangements.AsNoTracking().ToListAsync();
        var mine = arrangements.Where(a => a.PersonIds.Any(mothers.Contains)).Select(a => a.Id).ToList();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.ArrangementId != null && mine.Contains(s.ArrangementId.Value) && s.SupervisorId != null && s.Date < Today
                && s.Status == SessionStatus.Planned && !db.ContactRecords.Any(r => r.SessionId == s.Id)
                && db.Placements.Any(p => p.ChildId == s.ChildId && p.EndDate == null && p.CarerHouseholdId != null))
            .OrderByDescending(s => s.Date).ToListAsync();
    }

    private async Task<Guid> NextSessionHomeAsync(FamilyTime.Data.FamilyTimeDbContext db)
    {
        var session = (await CandidatesAsync(db)).First();
        return await db.Placements.Where(p => p.ChildId == session.ChildId && p.EndDate == null).Select(p => p.CarerHouseholdId!.Value).FirstAsync();
    }

    private Task<Probe?> TryProbeAsync() => app.DbAsync<Probe?>(async db =>
    {
        var sessions = await CandidatesAsync(db);
        // A session of a child who lives with carers and another child who is not a brother or sister.
        foreach (var session in sessions)
        {
            var child = await db.Children.FirstAsync(c => c.Id == session.ChildId);
            var household = await db.Placements.Where(p => p.ChildId == child.Id && p.EndDate == null)
                .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Id, h.Name, h.Address }).FirstOrDefaultAsync();
            if (household is null)
            {
                continue;
            }
            var family = await db.SignificantPeople.Where(p => p.ChildId == child.Id).Select(p => p.FullName).ToListAsync();
            var familyWords = family.SelectMany(n => n.Split(' ')).Concat([child.FirstName, child.LastName]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var siblings = await db.SignificantPeople.Where(p => p.ChildId == child.Id && p.SiblingChildId != null).Select(p => p.SiblingChildId!.Value).ToListAsync();
            var others = await db.Placements.Where(p => p.EndDate == null && p.CarerHouseholdId == household.Id && p.ChildId != child.Id && !siblings.Contains(p.ChildId))
                .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => c.FirstName).ToListAsync();
            if (others.FirstOrDefault(n => !familyWords.Contains(n)) is not { } other)
            {
                continue;
            }
            if (child.School is null)
            {
                child.AttendSchool("Northbridge Primary School", "Elm Road");
                await db.SaveChangesAsync();
            }
            var carers = household.Name.Split(" and ");
            var carerFirst = carers[0];
            var surname = household.Name.Split(' ')[^1];
            var words = household.Address.Split(',')[0].Split(' ');
            var number = words.First(w => w.Any(char.IsDigit));
            var street = string.Join(' ', words.Where(w => !w.Any(char.IsDigit)));
            var school = child.School!.Replace(" School", "", StringComparison.Ordinal);
            var schoolStreet = child.SchoolAddress!.Split(',')[0];
            var name = child.PreferredName ?? child.FirstName;
            var text = $"{carerFirst} {surname} will bring {name}. It was the drive from {street} again. {name} lives at number {number}. " +
                       $"{other}, who lives with them too, came along. {school} on {schoolStreet} was mentioned.";
            return new Probe(child.Id, session.Id, text, [$"{carerFirst} {surname}", street, $"number {number}", other, school, schoolStreet]);
        }
        return null;
    });

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private async Task<(Guid RecordId, string Url)> SubmitAsync(Probe p, string interaction)
    {
        // The social worker writes it: any supervised session of the child will do.
        var worker = await app.ApiAsAsync("socialworker1");
        var url = $"/api/v1/children/{p.ChildId}/sessions/{p.SessionId}/record";
        var submitted = await BodyAsync(await worker.PostAsJsonAsync(url, new { startedAt = "10:00", endedAt = "11:00", whoAttended = "Mum", interaction, assessedWarmth = "Warm." }), HttpStatusCode.Created);
        return (submitted.GetProperty("id").GetGuid(), url);
    }

    [Fact]
    public async Task Shared_notes_never_tell_a_parent_the_carers_street_house_number_other_children_or_school()
    {
        var p = await ProbeAsync();
        var (recordId, url) = await SubmitAsync(p, p.Text);
        var sw = await app.ApiAsAsync("socialworker1");

        // The worker first sees what the family will read, each risky piece marked with why.
        var preview = await BodyAsync(await sw.GetAsync(url + "/share-preview"), HttpStatusCode.OK);
        var marked = preview.GetProperty("people").EnumerateArray().SelectMany(x => x.GetProperty("fields").EnumerateArray())
            .SelectMany(f => f.GetProperty("pieces").EnumerateArray()).Select(x => x.GetProperty("what").GetString()).OfType<string>().ToHashSet();
        foreach (var what in new[] { "the carers' names", "the home's street", "the home's house number", "another child living in the home", "the child's school", "the school's street" })
        {
            Assert.Contains(what, marked);
        }

        await BodyAsync(await sw.PostAsJsonAsync(url + "/share", new { version = 1 }), HttpStatusCode.NoContent);
        var parent = await app.ApiAsAsync("parent1");
        var shown = (await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK)).GetRawText();
        foreach (var secret in p.Secrets)
        {
            Assert.DoesNotContain(secret, shown, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(Redactor.Removed, shown, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync($"/Portal/Records/{recordId}"));
        foreach (var secret in p.Secrets)
        {
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sharing_is_a_reviewed_step_and_a_correction_reaches_the_parent_only_when_shared_again()
    {
        var p = await ProbeAsync();
        var (recordId, url) = await SubmitAsync(p, "First account.");
        var sw = await app.ApiAsAsync("socialworker1");
        // Not without naming the version checked in the preview.
        await BodyAsync(await sw.PostAsync(url + "/share", null), HttpStatusCode.BadRequest);
        await BodyAsync(await sw.PostAsJsonAsync(url + "/share", new { version = 1 }), HttpStatusCode.NoContent);

        var worker = await app.ApiAsAsync("socialworker1");
        var version = await app.DbAsync(db => db.ContactRecords.Where(r => r.Id == recordId).Select(r => r.Version).FirstAsync());
        await BodyAsync(await worker.PostAsJsonAsync(url + "/corrections", new { startedAt = "10:00", endedAt = "11:00", whoAttended = "Mum", interaction = "Second account.", assessedWarmth = "Warm.", correctionReason = "Order of events.", version }), HttpStatusCode.OK);

        var parent = await app.ApiAsAsync("parent1");
        var read = await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        Assert.Equal("First account.", read.GetProperty("interaction").GetString());

        // Sharing the version checked before the correction is refused: the correction must be checked.
        await BodyAsync(await sw.PostAsJsonAsync(url + "/share", new { version = 1 }), HttpStatusCode.BadRequest);
        var pages = await app.PagesAsAsync("socialworker1");
        var session = await pages.GetStringAsync($"/Children/{p.ChildId}/Sessions/{p.SessionId}");
        Assert.Contains("Correction not shared yet", session, StringComparison.Ordinal);
        await BodyAsync(await sw.PostAsJsonAsync(url + "/share", new { version = 2 }), HttpStatusCode.NoContent);
        read = await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        Assert.Equal("Second account.", read.GetProperty("interaction").GetString());
    }

    [Fact]
    public async Task The_family_is_told_of_new_notes_by_a_text_without_details_and_a_reply_reaches_the_social_workers_inbox_and_email()
    {
        var p = await ProbeAsync();
        var (recordId, url) = await SubmitAsync(p, "They played with the blocks.");
        var sw = await app.ApiAsAsync("socialworker1");
        await BodyAsync(await sw.PostAsJsonAsync(url + "/share", new { version = 1 }), HttpStatusCode.NoContent);
        var childName = await app.DbAsync(db => db.Children.Where(c => c.Id == p.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstAsync());
        var texts = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"record-shared:{recordId}") && m.Channel == Channel.Sms).ToListAsync());
        var text = Assert.Single(texts);
        Assert.Contains("new notes from family time", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(childName, text.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blocks", text.Body, StringComparison.OrdinalIgnoreCase);

        var parent = await app.ApiAsAsync("parent1");
        var reply = await BodyAsync(await parent.PostAsJsonAsync($"/api/v1/portal/records/{recordId}/replies", new { text = "The bus was late, not me." }), HttpStatusCode.Created);
        var replyId = reply.GetProperty("id").GetGuid();
        var socialWorker = await app.UserIdAsync("socialworker1");
        var task = await app.DbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Key == $"parent-reply:{replyId}"));
        Assert.Equal(TaskKind.ParentReply, task.Kind);
        Assert.Equal(socialWorker, task.AssigneeId);
        Assert.Equal($"/Children/{p.ChildId}/Sessions/{p.SessionId}", task.Link);
        var email = await app.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Key == $"parent-reply:{replyId}"));
        Assert.Equal(Channel.Email, email.Channel);
        var inbox = await (await app.PagesAsAsync("socialworker1")).GetStringAsync("/Inbox");
        Assert.Contains("replied to the notes of family time", System.Net.WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_to_a_family_passes_the_family_guard_before_it_is_stored()
    {
        var p = await ProbeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.EmailAsync($"guard-test:{p.SessionId}", "mum@example.org", "Mum", "A change to family time", p.Text, p.ChildId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<FamilyTime.Data.FamilyTimeDbContext>().SaveChangesAsync();
        }
        var body = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key == $"guard-test:{p.SessionId}").Select(m => m.Body).SingleAsync());
        foreach (var secret in p.Secrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The text inputs of a server-rendered form with their values, as a browser would send them back.</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input\\b[^>]*>"))
        {
            var name = System.Text.RegularExpressions.Regex.Match(m.Value, "\\bname=\"([^\"]*)\"");
            var value = System.Text.RegularExpressions.Regex.Match(m.Value, "\\bvalue=\"([^\"]*)\"");
            if (name.Success)
            {
                fields[name.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : "");
            }
        }
        return fields;
    }

    private async Task<(HttpClient Api, Guid Child, Guid Household)> NewChildAsync()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.OrderBy(h => h.Name).Select(h => h.Id).FirstAsync());
        var body = ApiInput.NewChild(household, "Guard" + Guid.NewGuid().ToString("N")[..6]);
        body["legalStatus"] = "CareOrder";
        body["inCareProceedings"] = false;
        var id = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (api, id, household);
    }

    private static async Task<Guid> MotherAsync(HttpClient api, Guid child, string name, string? language = null)
    {
        var person = ApiInput.Mother(name);
        person["address"] = "12 Oak Street, Southby, SB2 3CD";
        person["email"] = "mum@example.org";
        if (language is not null)
        {
            person["spokenLanguage"] = language;
        }
        return (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", person), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ArrangementAsync(HttpClient api, Guid child, Guid person, string? activity = null)
    {
        var room = await app.DbAsync(db => db.Rooms.OrderBy(r => r.Name).Select(r => new { r.VenueId, r.Id }).FirstAsync());
        var body = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { person }, ["purposes"] = new[] { "Attachment" }, ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time.", ["form"] = "FaceToFace", ["frequency"] = "Weekly",
            ["days"] = new[] { "Friday" }, ["firstDate"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["startTime"] = "10:00", ["durationMinutes"] = 90, ["venueId"] = room.VenueId, ["roomId"] = room.Id, ["reviewEveryMonths"] = 3,
            ["activities"] = activity,
        };
        return (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", ArrangementMusts.With(body, Today)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_letter_naming_a_carer_in_free_text_is_refused_on_the_page_as_a_PDF_and_when_sent()
    {
        var (api, child, household) = await NewChildAsync();
        var carers = await app.DbAsync(db => db.CarerHouseholds.Where(h => h.Id == household).Select(h => h.Name).FirstAsync());
        var carer = $"{carers.Split(" and ")[0]} {carers.Split(' ')[^1]}";
        var mother = await MotherAsync(api, child, "Ann Probe");
        var arrangement = await ArrangementAsync(api, child, mother, $"{carer} will bring the child");

        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var html = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.Contains("the carers' names", html.Replace('’', '\''), StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=Pdf", html, StringComparison.Ordinal);
        var pdf = await pages.GetAsync(url + "?handler=Pdf");
        Assert.Equal(HttpStatusCode.Conflict, pdf.StatusCode);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(carer, System.Net.WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync()).Split("app-letter-frame")[0], StringComparison.Ordinal);
        var sent = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html), ["SendBy"] = "Post" }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(await app.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == arrangement)));

        // Agreeing the plan does not send it either: the social worker is asked to change the wording.
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        Assert.False(await app.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == arrangement)));
        Assert.True(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.ChildId == child && t.Kind == TaskKind.LetterToCheck && t.Title.Contains("was not sent"))));
    }

    /// <summary>
    /// The letters API keeps the page's guard: a letter naming the real carers (read from the database) says so in
    /// 'leaks', its PDF is a 409 without the letter, and it cannot be kept as sent; a clean letter is kept, its PDF
    /// read back with poppler's pdftotext, and the version kept is fetched as sent.
    /// </summary>
    [Fact]
    public async Task The_letters_api_refuses_a_letter_naming_the_carers_and_keeps_a_clean_one()
    {
        var (api, child, household) = await NewChildAsync();
        var carers = await app.DbAsync(db => db.CarerHouseholds.Where(h => h.Id == household).Select(h => h.Name).FirstAsync());
        var carer = $"{carers.Split(" and ")[0]} {carers.Split(' ')[^1]}";
        var mother = await MotherAsync(api, child, "Bea Letters");
        var leaking = await ArrangementAsync(api, child, mother, $"{carer} will bring the child");
        var letter = $"/api/v1/children/{child}/plan/arrangements/{leaking}/letters/{mother}";

        var draft = await BodyAsync(await api.GetAsync(letter), HttpStatusCode.OK);
        Assert.Contains("the carers' names", draft.GetProperty("leaks").EnumerateArray().Select(l => l.GetString()!.Replace('’', '\'')));
        Assert.Equal("Bea Letters", draft.GetProperty("recipientName").GetString());
        var pdf = await api.GetAsync(letter + "/pdf");
        Assert.Equal(HttpStatusCode.Conflict, pdf.StatusCode);
        Assert.DoesNotContain(carer, await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(letter + "/sent", new { sendBy = "Post" })).StatusCode);
        Assert.False(await app.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == leaking)));

        var clean = await ArrangementAsync(api, child, mother, "Drawing and a snack");
        letter = $"/api/v1/children/{child}/plan/arrangements/{clean}/letters/{mother}";
        Assert.Empty((await BodyAsync(await api.GetAsync(letter), HttpStatusCode.OK)).GetProperty("leaks").EnumerateArray());
        var file = await api.GetAsync(letter + "/pdf");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ReadAsync(await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("Bea Letters", text, StringComparison.Ordinal);
        Assert.DoesNotContain(carer, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(letter + "/sent", new { sendBy = "Pigeon" })).StatusCode);
        // How it was sent is never assumed.
        var how = await BodyAsync(await api.PostAsJsonAsync(letter + "/sent", new { }), HttpStatusCode.BadRequest);
        Assert.True(how.GetProperty("errors").TryGetProperty("sendBy", out _), how.ToString());
        var sent = await api.PostAsJsonAsync(letter + "/sent", new { sendBy = "Post" });
        var kept = await BodyAsync(sent, HttpStatusCode.Created);
        Assert.Equal(("Post", 1), (kept.GetProperty("sentBy").GetString(), kept.GetProperty("number").GetInt32()));
        var stored = await api.GetAsync(sent.Headers.Location);
        Assert.Equal("application/pdf", stored.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bea Letters", await PdfText.ReadAsync(await stored.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_school_entered_on_the_childs_page_is_known_to_the_guard_and_stops_a_letter_naming_it()
    {
        var (api, child, _) = await NewChildAsync();
        var mother = await MotherAsync(api, child, "Cat School");
        var school = "Larkspur Hill Primary " + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(4).ToArray()).ToUpperInvariant();
        var pages = await app.PagesAsAsync("socialworker1");

        // The social worker records the school on the child's details, as a new user would.
        var form = await pages.GetStringAsync($"/Children/{child}/Edit");
        var fields = FormFields(form);
        fields["Input.School"] = school;
        fields["Input.SchoolAddress"] = "Quarry Lane, Northbridge";
        var saved = await pages.PostAsync($"/Children/{child}/Edit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(school, await app.DbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.School).FirstAsync()));

        // An address without a school's name is refused with a message, not saved.
        fields = FormFields(await pages.GetStringAsync($"/Children/{child}/Edit"));
        fields["Input.School"] = "";
        var refused = await pages.PostAsync($"/Children/{child}/Edit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter the school", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Replace('’', '\''), StringComparison.Ordinal);

        var arrangement = await ArrangementAsync(api, child, mother, $"Collect the child from {school} on Quarry Lane");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var html = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.DoesNotContain("?handler=Pdf", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await pages.GetAsync(url + "?handler=Pdf")).StatusCode);
    }

    [Fact]
    public async Task Agreeing_a_plan_writes_each_parents_letter_as_a_new_version_sent_and_shown_on_the_plan()
    {
        var (api, child, _) = await NewChildAsync();
        var mother = await MotherAsync(api, child, "Bea Version");
        var arrangement = await ArrangementAsync(api, child, mother);
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);

        var letter = await app.DbAsync(db => db.PlanDocuments.AsNoTracking().SingleAsync(d => d.ArrangementId == arrangement && d.PersonId == mother));
        Assert.Equal(1, letter.Number);
        Assert.Equal(LetterDelivery.Email, letter.SentBy);
        Assert.Equal(Today, letter.SentOn);
        Assert.Contains("Version 1 of the plan was agreed", letter.Occasion, StringComparison.Ordinal);
        Assert.True(await app.DbAsync(db => db.Outbox.AnyAsync(m => m.Key == $"letter:{letter.Id}" && m.Channel == Channel.Email && m.To == "mum@example.org")));
        var plan = System.Net.WebUtility.HtmlDecode(await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{child}/Plan"));
        Assert.Contains($"version 1 sent by e-mail on {Today:d MMMM yyyy}", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_carries_a_way_to_answer_an_address_block_page_numbers_and_the_language_the_parent_reads()
    {
        var (api, child, _) = await NewChildAsync();
        var mother = await MotherAsync(api, child, "Ola Nowak", language: "Polish");
        var arrangement = await ArrangementAsync(api, child, mother);
        var worker = await app.DbAsync(db => db.Users.Where(u => u.UserName == "socialworker1").Select(u => new { u.DisplayName, u.Email }).FirstAsync());

        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var html = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.Contains("Ola Nowak reads Polish", html, StringComparison.Ordinal);
        var pdf = await pages.GetAsync(url + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var pages1 = document.GetPages().Select(pg => string.Join(" ", pg.GetWords().Select(w => w.Text))).ToList();
        var words = string.Join(" ", pages1);
        Assert.All(pages1.Select((text, i) => (text, i)), x => Assert.Contains($"Page {x.i + 1} of {pages1.Count}", x.text, StringComparison.Ordinal));
        Assert.Contains("0300 123 4567", words, StringComparison.Ordinal);
        Assert.Contains("familytime@northbridge.example", words, StringComparison.Ordinal);
        Assert.Contains(worker.Email!, words, StringComparison.Ordinal);
        Assert.Contains("12 Oak Street", words, StringComparison.Ordinal);
        Assert.Contains("SB2 3CD", words, StringComparison.Ordinal);
        Assert.Contains("We will also give you this letter in Polish.", words, StringComparison.Ordinal);

        var sent = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html), ["SendBy"] = "Post" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var kept = await app.DbAsync(db => db.PlanDocuments.AsNoTracking().SingleAsync(d => d.ArrangementId == arrangement));
        Assert.Equal(LetterDelivery.Post, kept.SentBy);
        Assert.Equal("Polish", kept.TranslateInto);
        Assert.True(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.Key == $"letter-translate:{kept.Id}")));
        Assert.True(await app.DbAsync(db => db.Outbox.AnyAsync(m => m.Key == $"letter:{kept.Id}" && m.Channel == Channel.Post)));
    }
}

[Collection("sqlite")]
public sealed class FamilyGuardTestsOnSqlite(SqliteApp app) : FamilyGuardTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class FamilyGuardTestsOnPostgres(PostgresApp app) : FamilyGuardTests(app.Factory), IClassFixture<PostgresApp>;

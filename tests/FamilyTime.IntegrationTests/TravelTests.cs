using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Travel claims (issue 11, item 4): a parent claims for their own session with a receipt checked by content; one
/// claim per session; the child's team manager alone decides; approved claims export once as CSV with formulae
/// escaped; nobody sees another person's claim or receipt; a worker's mileage goes the same way.
/// </summary>
public abstract class TravelTests(FamilyTimeFactory app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A session of parent1's own family time, in the claim window, that parent1 has not claimed for.</summary>
    private async Task<(Guid ChildId, Guid SessionId)> UnclaimedSessionAsync(string parent = "parent1")
    {
        var uid = await app.UserIdAsync(parent);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        return await app.DbAsync(async db =>
        {
            var people = await db.SignificantPeople.Where(p => p.PortalUserId == uid).Select(p => p.Id).ToListAsync();
            var arrangements = (await db.Arrangements.Select(a => new { a.Id, a.PersonIds }).ToListAsync())
                .Where(a => a.PersonIds.Any(people.Contains)).Select(a => (Guid?)a.Id).ToList();
            var from = today.AddMonths(-3);
            var to = today.AddDays(28);
            var sessions = await db.Sessions.Where(s => arrangements.Contains(s.ArrangementId) && s.Date >= from && s.Date <= to
                    && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace)
                    && !db.TravelClaims.Any(c => c.SessionId == s.Id && c.ClaimantUserId == uid))
                .OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new { s.ChildId, s.Id }).ToListAsync();
            Assert.NotEmpty(sessions);
            return (sessions[0].ChildId, sessions[0].Id);
        });
    }

    private static MultipartFormDataContent ClaimForm(Guid sessionId, byte[]? receipt, string fileName = "receipt.png", string contentType = "image/png",
        string from = "Station Road", string to = "the family centre", string mode = "Bus", string amount = "6.40")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(sessionId.ToString()), "sessionId" },
            { new StringContent(from), "from" },
            { new StringContent(to), "to" },
            { new StringContent(mode), "mode" },
            { new StringContent(amount), "amount" },
        };
        if (receipt is not null)
        {
            var file = new ByteArrayContent(receipt);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, "receipt", fileName);
        }
        return form;
    }

    private async Task<Guid> ClaimAsync(Guid sessionId, string from = "Station Road", string to = "the family centre", string amount = "6.40")
    {
        var api = await app.ApiAsAsync("parent1");
        var response = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png, from: from, to: to, amount: amount));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>RFC 4180 as a spreadsheet reads it: quoted cells may hold commas and doubled quotes.</summary>
    private static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { cells.Add(cell.ToString()); cell.Clear(); rows.Add([.. cells]); cells.Clear(); }
            else { cell.Append(c); }
        }
        return rows;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_parent_claims_for_their_own_session_with_a_receipt_and_the_childs_team_manager_gets_a_task()
    {
        var (childId, sessionId) = await UnclaimedSessionAsync();
        var api = await app.ApiAsAsync("parent1");

        var response = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Pdf, "ticket.pdf", "application/pdf", amount: "£12.50"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12.50m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("Waiting", body.GetProperty("state").GetString());
        var id = body.GetProperty("id").GetGuid();
        var saved = await app.DbAsync(db => db.TravelClaims.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(1250, saved.AmountPence);
        Assert.Equal(childId, saved.ChildId);
        var file = await app.DbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == saved.ReceiptFileId));
        Assert.Equal(UploadedFileKind.Pdf, file.Kind);
        var manager = await app.UserIdAsync("manager1");
        var task = await app.DbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Key == $"travel:{id}:{manager}"));
        Assert.Equal(TaskKind.TravelClaimToDecide, task.Kind);
        Assert.Equal("/Travel", task.Link);
        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/travel/claims");
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [InlineData("MZ\u0090\0\u0003\0\0\0\u0004\0", "receipt.png", "image/png")]
    [InlineData("Bus fare 6.40, paid cash", "receipt.jpg", "image/jpeg")]
    [InlineData("%PD not quite a pdf", "receipt.pdf", "application/pdf")]
    public async Task A_receipt_is_checked_by_its_content_so_a_renamed_exe_or_text_file_is_refused(string content, string name, string type)
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var api = await app.ApiAsAsync("parent1");
        var before = await app.DbAsync(db => db.TravelClaims.CountAsync());

        var response = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, System.Text.Encoding.Latin1.GetBytes(content), name, type));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(FileSniffer.WrongKind, problem.GetProperty("errors").GetProperty("receipt")[0].GetString());
        Assert.Equal(before, await app.DbAsync(db => db.TravelClaims.CountAsync()));
    }

    [Fact]
    public async Task A_receipt_of_5_MB_and_1_byte_is_refused_with_a_clear_message_on_the_page_and_the_api()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var over = new byte[FileSniffer.MaxBytes + 1];
        Png.CopyTo(over, 0);

        var api = await app.ApiAsAsync("parent1");
        var viaApi = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, over));
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Equal(FileSniffer.TooLarge, (await ProblemAsync(viaApi)).GetProperty("errors").GetProperty("receipt")[0].GetString());

        var pages = await app.PagesAsAsync("parent1");
        var url = $"/Portal/Travel/Claim?session={sessionId}";
        var form = await pages.GetStringAsync(url);
        var post = new MultipartFormDataContent
        {
            { new StringContent(FamilyTimeFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("Station Road"), "Input.From" },
            { new StringContent("the family centre"), "Input.To" },
            { new StringContent("Bus"), "Input.Mode" },
            { new StringContent("6.40"), "Input.Amount" },
            { new ByteArrayContent(over), "Receipt", "receipt.png" },
        };
        var viaPage = await pages.PostAsync(url, post);
        Assert.Equal(HttpStatusCode.BadRequest, viaPage.StatusCode);
        var html = WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html);
        Assert.Contains(FileSniffer.TooLarge, html);

        // A file of exactly 5 MB goes through: the limit lets it in on this route only.
        var exactly = new byte[FileSniffer.MaxBytes];
        Png.CopyTo(exactly, 0);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, exactly))).StatusCode);
    }

    [Fact]
    public async Task Far_bigger_uploads_get_a_clear_answer_and_other_routes_keep_their_1_MB_limit()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var huge = new byte[13 * 1024 * 1024];
        Png.CopyTo(huge, 0);
        var api = await app.ApiAsAsync("parent1");
        var viaApi = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, viaApi.StatusCode);
        Assert.Contains("5 MB or smaller", (await ProblemAsync(viaApi)).GetProperty("detail").GetString());

        var pages = await app.PagesAsAsync("parent1");
        var viaPage = await pages.PostAsync($"/Portal/Travel/Claim?session={sessionId}", new ByteArrayContent(huge) { Headers = { ContentType = new MediaTypeHeaderValue("multipart/form-data") } });
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        var shown = await pages.GetAsync(viaPage.Headers.Location!.OriginalString);
        Assert.Contains(FileSniffer.TooLarge, WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync()));

        var feedback = await api.PostAsync("/api/v1/feedback", new ByteArrayContent(new byte[2 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, feedback.StatusCode);
    }

    [Fact]
    public async Task One_claim_per_person_per_session_a_retried_or_second_claim_is_refused_and_never_a_500()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var api = await app.ApiAsAsync("parent1");

        var both = await Task.WhenAll(api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png)), api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png)));
        var again = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png, amount: "7.00"));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(both.Append(again).Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal("You have already claimed travel for this family time. You can see it in your travel claims.", (await ProblemAsync(again)).GetProperty("detail").GetString());
        var uid = await app.UserIdAsync("parent1");
        Assert.Equal(1, await app.DbAsync(db => db.TravelClaims.CountAsync(c => c.SessionId == sessionId && c.ClaimantUserId == uid)));
    }

    [Fact]
    public async Task Only_the_childs_team_manager_approves_and_the_parent_is_told()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var id = await ClaimAsync(sessionId);
        var otherManager = await ManagerOfAnotherTeamAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsAsync("socialworker1")).PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync(otherManager)).PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("parent1")).PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        Assert.DoesNotContain((await (await app.ApiAsAsync(otherManager)).GetFromJsonAsync<JsonElement>("/api/v1/travel/claims/waiting")).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(TravelClaimState.Waiting, await app.DbAsync(db => db.TravelClaims.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));

        var manager = await app.ApiAsAsync("manager1");
        Assert.Contains((await manager.GetFromJsonAsync<JsonElement>("/api/v1/travel/claims/waiting")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        // Deciding again is refused in words, not done twice.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);

        Assert.Equal(TravelClaimState.Approved, await app.DbAsync(db => db.TravelClaims.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        var message = await app.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Key == $"travel:{id}:decided"));
        Assert.Contains("has been approved", message.Body);
        Assert.True(await app.DbAsync(db => db.Tasks.Where(t => t.Key.StartsWith($"travel:{id}:")).AllAsync(t => t.DoneAt != null)));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_the_parent_reads_it_without_where_the_child_lives()
    {
        var (childId, sessionId) = await UnclaimedSessionAsync();
        var id = await ClaimAsync(sessionId);
        var facts = await app.DbAsync(db => new FamilyOutputGuardFacts(db).ForAsync(childId));
        var manager = await app.ApiAsAsync("manager1");

        var noReason = await manager.PostAsJsonAsync($"/api/v1/travel/claims/{id}/refuse", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));

        var reason = $"The carers {facts.Carer} drove you from {facts.Postcode}, so there was no fare.";
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/travel/claims/{id}/refuse", new { reason })).StatusCode);

        var mine = await (await app.ApiAsAsync("parent1")).GetStringAsync("/api/v1/travel/claims");
        Assert.Contains("so there was no fare", mine);
        Assert.DoesNotContain(facts.Postcode, mine);
        Assert.DoesNotContain(facts.Carer, mine);
        var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync("/Portal/Travel"));
        Assert.Contains("Not approved", page);
        Assert.DoesNotContain(facts.Postcode, page);
        var message = await app.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Key == $"travel:{id}:decided"));
        Assert.DoesNotContain(facts.Postcode, message.Body);
        Assert.DoesNotContain(facts.Carer, message.Body);
    }

    [Fact]
    public async Task The_payment_csv_has_the_approved_claims_escapes_formulae_and_a_second_export_pays_nothing_twice()
    {
        var (_, first) = await UnclaimedSessionAsync();
        var formula = await ClaimAsync(first, from: "=HYPERLINK(\"http://evil.example\",\"click\")", to: "@SUM(A1:A9)", amount: "3.20");
        var (_, second) = await UnclaimedSessionAsync();
        var plain = await ClaimAsync(second, from: "+44 bus stop", to: "-the centre", amount: "4.80");
        var (_, third) = await UnclaimedSessionAsync();
        var waiting = await ClaimAsync(third, amount: "9.99");
        var manager = await app.ApiAsAsync("manager1");
        foreach (var id in new[] { formula, plain })
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        }

        var export = await manager.PostAsync("/api/v1/travel/payment-runs", null);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/csv", export.Content.Headers.ContentType!.ToString());
        var csv = await export.Content.ReadAsStringAsync();
        var rows = Rows(csv);
        Assert.Equal("Payment run", rows[0][0]);
        var formulaRow = rows.Single(r => r[1] == formula.ToString());
        // Read as a spreadsheet would: each cell a claimant typed that starts with = + - @ now starts with ' (text).
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", formulaRow[5]);
        Assert.Equal("'@SUM(A1:A9)", formulaRow[6]);
        Assert.Equal("3.20", formulaRow[9]);
        var plainRow = rows.Single(r => r[1] == plain.ToString());
        Assert.Equal(["'+44 bus stop", "'-the centre"], plainRow[5..7]);
        Assert.Equal("4.80", plainRow[9]);
        Assert.DoesNotContain(rows, r => r[1] == waiting.ToString());
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal));

        var run = await app.DbAsync(db => db.TravelClaims.Where(c => c.Id == formula).Select(c => c.PaymentRunId).SingleAsync());
        Assert.NotNull(run);
        Assert.Equal(run, await app.DbAsync(db => db.TravelClaims.Where(c => c.Id == plain).Select(c => c.PaymentRunId).SingleAsync()));

        var again = await manager.PostAsync("/api/v1/travel/payment-runs", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("no approved claims waiting for payment", (await again.Content.ReadAsStringAsync()));
        var rerun = await manager.GetStringAsync($"/api/v1/travel/payment-runs/{run}");
        Assert.Contains(formula.ToString(), rerun);
        Assert.Contains(plain.ToString(), rerun);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsAsync("socialworker1")).PostAsync("/api/v1/travel/payment-runs", null)).StatusCode);
    }

    [Fact]
    public async Task A_parent_cannot_see_or_claim_another_parents_claim_receipt_or_session()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var id = await ClaimAsync(sessionId);
        var other = await AnotherParentAsync();
        var otherApi = await app.ApiAsAsync(other);

        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/travel/claims/{id}/receipt")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await otherApi.GetStringAsync("/api/v1/travel/claims"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png))).StatusCode);
        var otherPages = await app.PagesAsAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/Travel/Claims/{id}/Receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/Portal/Travel/Claim?session={sessionId}")).StatusCode);
        // A carer of the child is no claimant and no team manager either.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("carer1")).GetAsync($"/api/v1/travel/claims/{id}/receipt")).StatusCode);
    }

    [Fact]
    public async Task A_receipt_is_served_as_a_download_of_its_real_type_with_nosniff_to_the_claimant_and_the_team_manager()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var api = await app.ApiAsAsync("parent1");
        // Sent as text/html named page.html: it is a PNG, and it comes back as one, never as a page.
        var created = await api.PostAsync("/api/v1/travel/claims", ClaimForm(sessionId, Png, "page.html", "text/html"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var response in new[]
        {
            await api.GetAsync($"/api/v1/travel/claims/{id}/receipt"),
            await (await app.PagesAsAsync("parent1")).GetAsync($"/Travel/Claims/{id}/Receipt"),
            await (await app.PagesAsAsync("manager1")).GetAsync($"/Travel/Claims/{id}/Receipt"),
        })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.EndsWith(".png", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_parent_claims_on_the_page_and_the_manager_approves_on_the_staff_page()
    {
        var (_, sessionId) = await UnclaimedSessionAsync();
        var pages = await app.PagesAsAsync("parent1");
        var url = $"/Portal/Travel/Claim?session={sessionId}";
        var form = await pages.GetStringAsync(url);
        var post = new MultipartFormDataContent
        {
            { new StringContent(FamilyTimeFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("Station Road"), "Input.From" },
            { new StringContent("the family centre"), "Input.To" },
            { new StringContent("Tram"), "Input.Mode" },
            { new StringContent("5.10"), "Input.Amount" },
            { new ByteArrayContent(Png), "Receipt", "IMG_0001.png" },
        };
        var sent = await pages.PostAsync(url, post);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/Portal/Travel", sent.Headers.Location!.OriginalString);
        Assert.Contains("Waiting for a decision", WebUtility.HtmlDecode(await pages.GetStringAsync("/Portal/Travel")));
        var uid = await app.UserIdAsync("parent1");
        var id = await app.DbAsync(db => db.TravelClaims.Where(c => c.SessionId == sessionId && c.ClaimantUserId == uid).Select(c => c.Id).SingleAsync());

        var manager = await app.PagesAsAsync("manager1");
        var list = await manager.GetStringAsync("/Travel");
        Assert.Contains($"/Travel/Claims/{id}/Receipt", list);
        var approved = await manager.PostAsync($"/Travel?handler=Approve&claimId={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(list),
        }));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(TravelClaimState.Approved, await app.DbAsync(db => db.TravelClaims.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        Assert.Contains("Approved", WebUtility.HtmlDecode(await pages.GetStringAsync("/Portal/Travel")));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/Travel")).StatusCode);
    }

    [Fact]
    public async Task A_contact_worker_claims_mileage_for_a_session_they_supervised_only_and_the_team_manager_approves_it()
    {
        var worker = await app.UserIdAsync("contactworker1");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddMonths(-3);
        var sessions = await app.DbAsync(db => db.Sessions.Where(s => s.Date >= from && s.Date <= today && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace)
                && !db.TravelClaims.Any(c => c.SessionId == s.Id && c.ClaimantUserId == worker))
            .Select(s => new { s.Id, s.ChildId, s.SupervisorId }).ToListAsync());
        var theirs = sessions.FirstOrDefault(s => s.SupervisorId == worker);
        var notTheirs = sessions.First(s => s.SupervisorId != worker);
        if (theirs is null)
        {
            // The demo may have none in the window: make one theirs, as the rota would.
            var some = sessions.First(s => s.SupervisorId != worker);
            await app.DbAsync(db => db.Sessions.Where(s => s.Id == some.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SupervisorId, worker)));
            theirs = some with { SupervisorId = worker };
            notTheirs = sessions.First(s => s.Id != some.Id && s.SupervisorId != worker);
        }
        var api = await app.ApiAsAsync("contactworker1");

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/travel/mileage", new { sessionId = notTheirs.Id, from = "Office", to = "Centre", miles = "10" })).StatusCode);
        var created = await api.PostAsJsonAsync("/api/v1/travel/mileage", new { sessionId = theirs.Id, from = "Council House", to = "Family centre", miles = "12.5" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5.63m, body.GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/travel/mileage", new { sessionId = theirs.Id, from = "A", to = "B", miles = "1" })).StatusCode);
        var id = body.GetProperty("id").GetGuid();
        var team = await app.DbAsync(db => db.Children.Where(c => c.Id == theirs.ChildId).Select(c => c.TeamId).SingleAsync());
        var managersTeam = await app.DbAsync(db => db.Users.Where(u => u.UserName == "manager1").Select(u => u.TeamId).SingleAsync());
        if (team == managersTeam)
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync("manager1")).PostAsync($"/api/v1/travel/claims/{id}/approve", null)).StatusCode);
        }
    }

    private async Task<string> ManagerOfAnotherTeamAsync()
    {
        var name = "tm-travel-" + Guid.NewGuid().ToString("N")[..6];
        var team = await app.DbAsync(async db =>
        {
            var t = new Team("Travel test team " + name, await db.Teams.Select(x => x.AreaId).FirstAsync());
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var manager = new ApplicationUser { UserName = name, DisplayName = "Tess Other", EmailConfirmed = true, TeamId = team };
        Assert.True((await users.CreateAsync(manager, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(manager, Roles.TeamManager)).Succeeded);
        return name;
    }

    /// <summary>A parent of another family: a portal account linked to the mother of a child parent1 is no family of.</summary>
    private async Task<string> AnotherParentAsync()
    {
        var name = "parent-travel-" + Guid.NewGuid().ToString("N")[..6];
        var parent1 = await app.UserIdAsync("parent1");
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = name, DisplayName = "Paula Other", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Parent)).Succeeded);
            id = user.Id;
        }
        await app.DbAsync(async db =>
        {
            var person = await db.SignificantPeople.Where(p => p.PortalUserId == null && !db.SignificantPeople.Any(q => q.ChildId == p.ChildId && q.PortalUserId == parent1))
                .OrderBy(p => p.Id).FirstAsync();
            person.LinkPortalAccount(id);
            return await db.SaveChangesAsync();
        });
        return name;
    }
}

/// <summary>The real home facts of a child, read as the family guard reads them, for tests to look for.</summary>
internal sealed class FamilyOutputGuardFacts(Data.FamilyTimeDbContext db)
{
    public sealed record Facts(string Postcode, string Carer);

    public async Task<Facts> ForAsync(Guid childId)
    {
        var household = await db.Placements.Where(p => p.ChildId == childId && p.EndDate == null && p.CarerHouseholdId != null).Select(p => p.CarerHouseholdId).FirstAsync();
        var home = await db.CarerHouseholds.Where(h => h.Id == household).Select(h => new { h.Postcode, h.Name }).FirstAsync();
        var carer = await db.Users.Where(u => u.CarerHouseholdId == household).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? home.Name;
        return new Facts(home.Postcode, carer);
    }
}

[Collection("sqlite")]
public sealed class TravelTestsOnSqlite(SqliteApp app) : TravelTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class TravelTestsOnPostgres(PostgresApp app) : TravelTests(app.Factory), IClassFixture<PostgresApp>;

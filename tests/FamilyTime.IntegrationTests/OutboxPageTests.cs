using System.Net;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>The outbox page: administrators read every message, filter and page them; opening one is audited.</summary>
public abstract partial class OutboxPageTests(FamilyTimeFactory app)
{
    private static readonly DateTime Written = new(2095, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Lays out messages as the dispatcher would have left them, each marked so this test finds its own.</summary>
    private async Task<OutboxMessage> SeedAsync(Channel channel, string subject, DeliveryStatus status, DateTime? at = null, Guid? childId = null, string body = "Please read the note about Saturday's family time.")
    {
        var message = OutboxMessage.Create($"test:{Guid.NewGuid()}", channel, channel == Channel.Sms ? "07700 900123" : "someone@example.org", "Alex Parent", subject, body, childId, at ?? Written);
        var when = (at ?? Written).AddMinutes(1);
        switch (status)
        {
            case DeliveryStatus.Failed:
                for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
                {
                    message.AttemptFailed("Connection refused", when);
                }
                break;
            case DeliveryStatus.Pending:
                break;
            default:
                message.Delivered(status, when);
                break;
        }
        await app.DbAsync(async db =>
        {
            db.Outbox.Add(message);
            return await db.SaveChangesAsync();
        });
        return message;
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    private static int Rows(string html) => BodyRow().Count(html);

    /// <summary>Staff without the role are answered 403 with the reason, before the page reads anything.</summary>
    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what} answered {response.StatusCode}");
        Assert.Contains("This is for: Administrator.", response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_messages_and_filters_them_by_status_and_channel()
    {
        var m = Marker();
        await SeedAsync(Channel.Email, $"Sent {m}", DeliveryStatus.Sent, Written.AddMinutes(3));
        var failed = await SeedAsync(Channel.Email, $"Failed {m}", DeliveryStatus.Failed, Written.AddMinutes(2));
        await SeedAsync(Channel.Sms, $"Text {m}", DeliveryStatus.KeptInOutbox, Written.AddMinutes(1));
        var admin = await app.PagesAsAsync("admin");

        var all = await admin.GetStringAsync("/Admin/Outbox");
        Assert.Contains($"Sent {m}", all, StringComparison.Ordinal);
        Assert.Contains($"Failed {m}", all, StringComparison.Ordinal);
        Assert.Contains($"Text {m}", all, StringComparison.Ordinal);
        Assert.True(all.IndexOf($"Sent {m}", StringComparison.Ordinal) < all.IndexOf($"Failed {m}", StringComparison.Ordinal), "newest first");
        Assert.Contains("Connection refused", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Outbox/{failed.Id}\"", all, StringComparison.Ordinal);
        // The list never shows a message's words.
        Assert.DoesNotContain("Please read the note", all, StringComparison.Ordinal);

        var onlyFailed = await admin.GetStringAsync("/Admin/Outbox?status=Failed&channel=");
        Assert.Contains($"Failed {m}", onlyFailed, StringComparison.Ordinal);
        Assert.DoesNotContain($"Sent {m}", onlyFailed, StringComparison.Ordinal);
        Assert.DoesNotContain($"Text {m}", onlyFailed, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Failed\" selected=\"selected\">", onlyFailed);

        var onlyTexts = await admin.GetStringAsync("/Admin/Outbox?status=&channel=Sms");
        Assert.Contains($"Text {m}", onlyTexts, StringComparison.Ordinal);
        Assert.DoesNotContain($"Sent {m}", onlyTexts, StringComparison.Ordinal);
        Assert.DoesNotContain($"Failed {m}", onlyTexts, StringComparison.Ordinal);

        var none = await admin.GetStringAsync("/Admin/Outbox?status=Failed&channel=Sms");
        Assert.DoesNotContain(m, none, StringComparison.Ordinal);

        // A number is not a status name: the filter is ignored rather than guessed.
        var numeric = await admin.GetStringAsync("/Admin/Outbox?status=2");
        Assert.Contains($"Failed {m}", numeric, StringComparison.Ordinal);
        Assert.Contains($"Sent {m}", numeric, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_is_paged_fifty_at_a_time_newest_first()
    {
        var m = Marker();
        // Sent texts are this test's alone (the filter keeps the others out), and older than the other tests'
        // messages, so theirs stay on the first page of an unfiltered list.
        var start = new DateTime(2090, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 51; i++)
        {
            await SeedAsync(Channel.Sms, $"Paging {m} {i:00}", DeliveryStatus.Sent, start.AddMinutes(i));
        }
        var admin = await app.PagesAsAsync("admin");

        var first = await admin.GetStringAsync("/Admin/Outbox?status=Sent&channel=Sms");
        Assert.Equal(50, Rows(first));
        Assert.Contains($"Paging {m} 51", first, StringComparison.Ordinal);
        Assert.Contains($"Paging {m} 02", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"Paging {m} 01", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", first, StringComparison.Ordinal);
        Assert.Contains("href=\"?status=Sent&amp;channel=Sms&amp;p=2\"", first, StringComparison.Ordinal);

        var second = await admin.GetStringAsync("/Admin/Outbox?status=Sent&channel=Sms&p=2");
        Assert.Contains($"Paging {m} 01", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"Paging {m} 51", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_message_shows_its_words_and_writes_an_audit_entry()
    {
        var childId = await app.DbAsync(db => db.Children.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var m = Marker();
        var message = await SeedAsync(Channel.Email, $"About a child {m}", DeliveryStatus.KeptInOutbox, childId: childId,
            body: $"Jordan's family time with Mum moves to Saturday.\nThe centre has the details. {m}");
        var admin = await app.PagesAsAsync("admin");

        // Listing is not reading: no entry until the message is opened.
        await admin.GetStringAsync("/Admin/Outbox");
        Assert.Equal(0, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == message.Id)));

        var page = await admin.GetStringAsync($"/Admin/Outbox/{message.Id}");

        // The words exactly as written, line breaks kept (the encoder writes them as &#xA;, which the browser reads back).
        var shown = MessageBody().Match(page);
        Assert.True(shown.Success, "The page has no message body");
        Assert.Equal(message.Body, WebUtility.HtmlDecode(shown.Groups[1].Value));
        var entry = await app.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordId == message.Id));
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal("OutboxMessage", entry.RecordType);
        Assert.Equal(childId, entry.ChildId);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(await app.UserIdAsync("admin"), entry.UserId);
    }

    /// <summary>The API has the outbox too: the list without the words, a message with them (audited), for administrators only.</summary>
    [Fact]
    public async Task The_api_lists_the_outbox_without_words_and_reads_a_message_with_an_audit_entry()
    {
        var m = Marker();
        var message = await SeedAsync(Channel.Sms, $"Api {m}", DeliveryStatus.Failed, at: Written.AddYears(1), body: $"Family time moves to Saturday. {m}");
        var admin = await app.ApiAsAsync("admin");

        var list = await admin.GetAsync("/api/v1/admin/outbox?status=Failed&channel=Sms");
        var text = await list.Content.ReadAsStringAsync();
        Assert.True(list.IsSuccessStatusCode, text);
        var page = System.Text.Json.JsonDocument.Parse(text).RootElement;
        var row = page.GetProperty("rows").EnumerateArray().First();
        Assert.Equal((message.Id, "Failed", "Sms", "Connection refused"),
            (row.GetProperty("id").GetGuid(), row.GetProperty("status").GetString(), row.GetProperty("channel").GetString(), row.GetProperty("lastError").GetString()));
        Assert.False(row.TryGetProperty("body", out _));
        Assert.Equal(0, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == message.Id)));

        var bad = await admin.GetAsync("/api/v1/admin/outbox?status=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Use one of: Pending", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var one = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/admin/outbox/{message.Id}")).RootElement;
        Assert.Equal(message.Body, one.GetProperty("body").GetString());
        Assert.Equal(AuditAction.View, await app.DbAsync(db => db.AuditEntries.Where(e => e.RecordId == message.Id).Select(e => e.Action).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}")).StatusCode);

        var worker = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/admin/outbox")).StatusCode);
        var refused = await worker.GetAsync($"/api/v1/admin/outbox/{message.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(m, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == message.Id)));
    }

    [Fact]
    public async Task An_unknown_message_is_not_found()
    {
        var admin = await app.PagesAsAsync("admin");

        var response = await admin.GetAsync($"/Admin/Outbox/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("socialworker1")]
    [InlineData("manager1")]
    [InlineData("coordinator1")]
    public async Task Anyone_but_an_administrator_is_refused_the_outbox_and_its_messages(string userName)
    {
        var message = await SeedAsync(Channel.Email, $"Refused {Marker()}", DeliveryStatus.KeptInOutbox, body: "Words only an administrator may read.");
        var client = await app.PagesAsAsync(userName);

        var list = await client.GetAsync("/Admin/Outbox");
        var one = await client.GetAsync($"/Admin/Outbox/{message.Id}");

        AssertRefused(list, $"/Admin/Outbox for {userName}");
        AssertRefused(one, $"an outbox message for {userName}");
        Assert.DoesNotContain("Words only an administrator may read.", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == message.Id)));
        var elsewhere = await client.GetAsync("/Account/Security");
        Assert.DoesNotContain("href=\"/Admin/Outbox\"", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrators_navigation_links_to_the_outbox()
    {
        var admin = await app.PagesAsAsync("admin");

        var page = await admin.GetStringAsync("/Admin/Audit");

        Assert.Contains("href=\"/Admin/Outbox\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"govuk-inset-text app-pre\" id=\"message-body\">([^<]*)</div>")]
    private static partial Regex MessageBody();

    [GeneratedRegex("<tr class=\"govuk-table__row\">\\s*<td")]
    private static partial Regex BodyRow();
}

public sealed class OutboxPageTestsOnSqlite(SqliteApp app) : OutboxPageTests(app.Factory), IClassFixture<SqliteApp>;

public sealed class OutboxPageTestsOnPostgres(PostgresApp app) : OutboxPageTests(app.Factory), IClassFixture<PostgresApp>;

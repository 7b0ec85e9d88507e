using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FamilyTime.Domain.Notifications;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Delivery by the configured sender, turned by the scheduler: a fake SMTP server on a loopback port, a refused
/// connection, and GOV.UK Notify behind a stub handler. The sender does not depend on the engine, so SQLite only.
/// </summary>
public sealed class DeliveryTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string SecretKey = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    // The key name holds hyphens of its own, as names people give keys often do.
    private const string ApiKey = "family-time-test-" + ServiceId + "-" + SecretKey;

    private static readonly DateTimeOffset Now = DeliveryApp.Now;

    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Notifications:Email:Mode"] = "Smtp",
        ["Notifications:Email:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Smtp:Security"] = "None",
        ["Notifications:Email:Smtp:FromAddress"] = "familytime@northbridge.example",
        ["Notifications:Email:Smtp:FromName"] = "FamilyTime Northbridge",
    };

    private static Dictionary<string, string?> Notify() => new()
    {
        ["Notifications:Sms:Mode"] = "Notify",
        ["Notifications:Sms:Notify:ApiKey"] = ApiKey,
        ["Notifications:Sms:Notify:TemplateId"] = TemplateId,
        ["Notifications:Sms:Notify:BaseUrl"] = "https://notify.example.test/",
    };

    // Written a day before the clock, so it is first in the dispatcher's oldest-first batch whatever else is queued.
    private static OutboxMessage Email(string body = "Saturday's family time is at Willow Family Centre.") =>
        OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Email, "parent@example.org", "Alex Parent", "Family time on Saturday", body, null, Now.UtcDateTime.AddDays(-1));

    private static OutboxMessage Text() =>
        OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Sms, "07700 900123", "Alex Parent", "Text message", "There is a new message for you in FamilyTime.", null, Now.UtcDateTime.AddDays(-1));

    [Fact]
    public async Task With_no_settings_a_message_is_kept_in_the_outbox()
    {
        await using var app = DeliveryApp.Start(new());
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.KeptInOutbox, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.Equal(Now.UtcDateTime, saved.SentAt);
    }

    [Fact]
    public async Task An_email_reaches_the_mail_server_with_its_recipient_and_subject_and_is_marked_sent_once()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = DeliveryApp.Start(Smtp(smtp.Port));
        var id = await app.QueueAsync(Email("Saturday's family time is at Willow Family Centre.\r\n.A line that starts with a dot.\r\nSee you there."));

        await app.TickAsync();

        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["parent@example.org"], mail.Recipients);
        Assert.Equal("familytime@northbridge.example", mail.From);
        Assert.Contains("Subject: Family time on Saturday\r\n", mail.Data, StringComparison.Ordinal);
        Assert.Contains("To: Alex Parent <parent@example.org>\r\n", mail.Data, StringComparison.Ordinal);
        Assert.Contains("From: FamilyTime Northbridge <familytime@northbridge.example>\r\n", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", mail.Data, StringComparison.Ordinal);
        Assert.Contains("\r\n.A line that starts with a dot.\r\n", mail.Data, StringComparison.Ordinal);
        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.Equal(Now.UtcDateTime, saved.SentAt);
        Assert.Null(saved.LastError);

        // A sent message is done: the next turn of the scheduler does not send it again.
        await app.TickAsync();
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_mail_server_that_refuses_the_connection_leaves_the_message_waiting_then_failed_after_the_last_attempt()
    {
        await using var app = DeliveryApp.Start(Smtp(FakeSmtpServer.ClosedPort()));
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var first = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("refused", first.LastError ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Null(first.SentAt);

        // The next attempt waits: a turn of the scheduler a minute later does not hammer the server.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.TickAsync();
        Assert.Equal(1, (await app.MessageAsync(id)).Attempts);

        for (var i = 2; i <= OutboxMessage.MaxAttempts; i++)
        {
            app.Clock.Advance(OutboxMessage.RetryDelay(i - 1));
            await app.TickAsync();
            Assert.Equal(i, (await app.MessageAsync(id)).Attempts);
        }
        var last = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, last.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, last.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(last.LastError));

        // Failed is final: no more attempts.
        await app.TickAsync();
        Assert.Equal(OutboxMessage.MaxAttempts, (await app.MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task A_text_goes_to_gov_uk_notify_with_the_template_the_words_and_a_signed_token()
    {
        var notify = new NotifyStub(HttpStatusCode.Created, """{"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":null,"content":{"body":"x","from_number":"GOVUK"}}""");
        await using var app = DeliveryApp.Start(Notify(), notify);
        var message = Text();
        var id = await app.QueueAsync(message);

        await app.TickAsync();

        var request = Assert.Single(notify.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://notify.example.test/v2/notifications/sms", request.Url.ToString());
        Assert.Equal("application/json", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("07700 900123", json.RootElement.GetProperty("phone_number").GetString());
        Assert.Equal(TemplateId, json.RootElement.GetProperty("template_id").GetString());
        Assert.Equal("There is a new message for you in FamilyTime.", json.RootElement.GetProperty("personalisation").GetProperty("body").GetString());
        Assert.Equal(id.ToString(), json.RootElement.GetProperty("reference").GetString());

        Assert.Equal("Bearer", request.AuthScheme);
        var token = request.AuthToken!.Split('.');
        Assert.Equal(3, token.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token[1]));
        Assert.Equal(ServiceId, claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), claims.RootElement.GetProperty("iat").GetInt64());
        Assert.True(Signed(token, SecretKey), "The token's signature does not verify with the secret key");
        Assert.False(Signed(token, ServiceId), "The token verifies with a key that is not the secret");
        Assert.DoesNotContain(SecretKey, request.AuthToken, StringComparison.Ordinal);

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, saved.Status);
        Assert.Equal(1, saved.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":[{"error":"BadRequestError","message":"Can't send to this recipient using a team-only API key"}],"status_code":400}""",
        "GOV.UK Notify answered 400: BadRequestError: Can't send to this recipient using a team-only API key")]
    [InlineData(HttpStatusCode.Forbidden, """{"errors":[{"error":"AuthError","message":"Invalid token: API key not found"}],"status_code":403}""",
        "GOV.UK Notify answered 403: AuthError: Invalid token: API key not found")]
    public async Task A_text_notify_refuses_for_good_fails_at_once_with_notifys_reason(HttpStatusCode status, string answer, string reason)
    {
        var notify = new NotifyStub(status, answer);
        await using var app = DeliveryApp.Start(Notify(), notify);
        var id = await app.QueueAsync(Text());

        await app.TickAsync();

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.Equal(reason, saved.LastError);
        Assert.Null(saved.NextAttemptAt);

        // Failed is final: hours later nothing is asked of Notify again.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.TickAsync();
        Assert.Single(notify.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, """{"errors":[{"error":"RateLimitError","message":"Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"}],"status_code":429}""")]
    [InlineData(HttpStatusCode.InternalServerError, """{"errors":[{"error":"Exception","message":"Internal server error"}],"status_code":500}""")]
    public async Task A_text_notify_cannot_take_now_waits_to_be_tried_again(HttpStatusCode status, string answer)
    {
        var notify = new NotifyStub(status, answer);
        await using var app = DeliveryApp.Start(Notify(), notify);
        var id = await app.QueueAsync(Text());

        await app.TickAsync();

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Pending, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.StartsWith($"GOV.UK Notify answered {(int)status}: ", saved.LastError, StringComparison.Ordinal);
        Assert.Equal(Now.UtcDateTime + OutboxMessage.RetryDelay(1), saved.NextAttemptAt);
    }

    [Fact]
    public async Task A_mailbox_the_mail_server_refuses_fails_at_once_and_a_busy_one_waits()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = DeliveryApp.Start(Smtp(smtp.Port));

        smtp.RecipientAnswer = "550 5.1.1 <parent@example.org>: Recipient address rejected: User unknown";
        var unknown = await app.QueueAsync(Email());
        await app.TickAsync();
        var refused = await app.MessageAsync(unknown);
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.StartsWith("The mail server answered 550: ", refused.LastError, StringComparison.Ordinal);
        Assert.Contains("User unknown", refused.LastError, StringComparison.Ordinal);

        smtp.RecipientAnswer = "450 4.2.1 Mailbox busy, try again later";
        var busy = await app.QueueAsync(Email());
        await app.TickAsync();
        var waiting = await app.MessageAsync(busy);
        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("busy", waiting.LastError, StringComparison.OrdinalIgnoreCase);

        // The mailbox frees up: the next attempt delivers it, and the refused one is not tried again.
        smtp.RecipientAnswer = "250 OK";
        app.Clock.Advance(OutboxMessage.RetryDelay(1));
        await app.TickAsync();
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(busy)).Status);
        Assert.Equal(1, (await app.MessageAsync(unknown)).Attempts);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Half_a_mail_server_setting_stops_the_service_starting_and_names_what_is_missing()
    {
        await using var app = DeliveryApp.Start(new()
        {
            ["Notifications:Email:Mode"] = "Smtp",
            ["Notifications:Email:Smtp:Security"] = "Tls",
            ["Notifications:Email:Smtp:Authentication"] = "Basic",
        }, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        Assert.Contains("Notifications:Email:Smtp:Host is required", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:FromAddress is required", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:Security must be StartTls, SslOnConnect or None, not 'Tls'", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:Authentication must be Password or OAuth2, not 'Basic'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Half_a_microsoft_365_setting_stops_the_service_starting_and_names_each_missing_setting()
    {
        var settings = Smtp(587);
        settings["Notifications:Email:Smtp:Authentication"] = "OAuth2";
        await using var app = DeliveryApp.Start(settings, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        const string when = "when Notifications:Email:Smtp:Authentication is OAuth2";
        Assert.Contains($"Notifications:Email:Smtp:UserName is required {when}, as the address of the mailbox the e-mails are sent as.", error, StringComparison.Ordinal);
        Assert.Contains($"Notifications:Email:Smtp:OAuth2:TenantId is required {when}", error, StringComparison.Ordinal);
        Assert.Contains($"Notifications:Email:Smtp:OAuth2:ClientId is required {when}", error, StringComparison.Ordinal);
        Assert.Contains($"Notifications:Email:Smtp:OAuth2:ClientSecret or Notifications:Email:Smtp:OAuth2:ClientCertificatePath is required {when}", error, StringComparison.Ordinal);
        // The defaults are Microsoft 365's, so neither is asked for.
        Assert.DoesNotContain("OAuth2:Authority", error, StringComparison.Ordinal);
        Assert.DoesNotContain("OAuth2:Scope", error, StringComparison.Ordinal);
        // A password is not asked for: with OAuth2 the user name is the mailbox, not a sign-in.
        Assert.DoesNotContain("Smtp:Password is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_microsoft_365_settings_stop_the_service_starting_without_repeating_the_secret()
    {
        const string secret = "Zq8~never-to-be-repeated";
        var pfx = Path.Combine(Path.GetTempPath(), $"familytime-missing-{Guid.NewGuid():N}.pfx");
        var settings = Smtp(587);
        settings["Notifications:Email:Smtp:Authentication"] = "oauth2";
        settings["Notifications:Email:Smtp:UserName"] = "familytime";
        settings["Notifications:Email:Smtp:OAuth2:TenantId"] = "common";
        settings["Notifications:Email:Smtp:OAuth2:ClientId"] = "FamilyTime mail";
        settings["Notifications:Email:Smtp:OAuth2:ClientSecret"] = secret;
        settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePath"] = pfx;
        settings["Notifications:Email:Smtp:OAuth2:Authority"] = "http://login.microsoftonline.com";
        settings["Notifications:Email:Smtp:OAuth2:Scope"] = "https://outlook.office.com/SMTP.Send";
        await using var app = DeliveryApp.Start(settings, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        Assert.Contains("Notifications:Email:Smtp:UserName must be the address of the mailbox the e-mails are sent as when Notifications:Email:Smtp:Authentication is OAuth2, not 'familytime'", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:OAuth2:TenantId must be the Directory (tenant) ID or one of the tenant's domain names, not 'common'", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:OAuth2:ClientId must be the app registration's Application (client) ID, a GUID, not 'FamilyTime mail'", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:OAuth2:ClientSecret and Notifications:Email:Smtp:OAuth2:ClientCertificatePath are both set", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:OAuth2:Authority must be an https address such as https://login.microsoftonline.com, not 'http://login.microsoftonline.com'", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:Smtp:OAuth2:Scope must be one resource's .default scope, such as https://outlook.office365.com/.default", error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_microsoft_365_certificate_that_cannot_be_read_stops_the_service_starting_without_repeating_its_password()
    {
        using var certificate = TestCertificate.SelfSigned();
        var pfx = TestCertificate.WritePfx(certificate, "the-right-password");
        try
        {
            var settings = Smtp(587);
            settings["Notifications:Email:Smtp:Authentication"] = "OAuth2";
            settings["Notifications:Email:Smtp:UserName"] = "familytime@northbridge.example";
            settings["Notifications:Email:Smtp:OAuth2:TenantId"] = "northbridge.example";
            settings["Notifications:Email:Smtp:OAuth2:ClientId"] = Guid.NewGuid().ToString();
            settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePath"] = pfx;
            settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePassword"] = "a-wrong-password";
            await using var wrong = DeliveryApp.Start(settings, start: false);

            var error = Assert.ThrowsAny<Exception>(() => _ = wrong.Services).ToString();

            Assert.Contains("Notifications:Email:Smtp:OAuth2:ClientCertificatePath could not be read as a PFX file with Notifications:Email:Smtp:OAuth2:ClientCertificatePassword", error, StringComparison.Ordinal);
            Assert.DoesNotContain("a-wrong-password", error, StringComparison.Ordinal);
            Assert.DoesNotContain("TenantId", error, StringComparison.Ordinal);

            settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePath"] = pfx + ".gone";
            await using var missing = DeliveryApp.Start(settings, start: false);
            Assert.Contains($"Notifications:Email:Smtp:OAuth2:ClientCertificatePath names a file that does not exist: '{pfx}.gone'",
                Assert.ThrowsAny<Exception>(() => _ = missing.Services).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task An_e_mail_can_go_through_gov_uk_notify_with_its_own_template_subject_and_words()
    {
        var notify = new NotifyStub(HttpStatusCode.Created, """{"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":null,"content":{"body":"x","subject":"y"}}""");
        var emailTemplate = Guid.NewGuid().ToString();
        await using var app = DeliveryApp.Start(new()
        {
            ["Notifications:Email:Mode"] = "Notify",
            ["Notifications:Email:Notify:ApiKey"] = ApiKey,
            ["Notifications:Email:Notify:TemplateId"] = emailTemplate,
            ["Notifications:Email:Notify:BaseUrl"] = "https://notify.example.test/",
        }, notify);
        var message = Email();
        var id = await app.QueueAsync(message);

        await app.TickAsync();

        var request = Assert.Single(notify.Requests);
        Assert.Equal("https://notify.example.test/v2/notifications/email", request.Url.ToString());
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(message.To, json.RootElement.GetProperty("email_address").GetString());
        Assert.Equal(emailTemplate, json.RootElement.GetProperty("template_id").GetString());
        Assert.Equal(message.Subject, json.RootElement.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.Equal(message.Body, json.RootElement.GetProperty("personalisation").GetProperty("body").GetString());
        Assert.Equal(id.ToString(), json.RootElement.GetProperty("reference").GetString());
        Assert.Equal("Bearer", request.AuthScheme);
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task E_mail_through_notify_without_its_template_stops_the_service_starting()
    {
        await using var app = DeliveryApp.Start(new() { ["Notifications:Email:Mode"] = "Notify", ["Notifications:Email:Notify:ApiKey"] = ApiKey }, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        Assert.Contains("Notifications:Email:Notify:TemplateId is required when Notifications:Email:Mode is Notify", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_notify_key_stops_the_service_starting_without_repeating_the_key()
    {
        var settings = Notify();
        settings["Notifications:Sms:Notify:ApiKey"] = "not-a-key-" + SecretKey;
        settings["Notifications:Sms:Notify:TemplateId"] = "";
        await using var app = DeliveryApp.Start(settings, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        Assert.Contains("Notifications:Sms:Notify:ApiKey is not a GOV.UK Notify API key", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Sms:Notify:TemplateId is required", error, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_stops_the_service_starting()
    {
        await using var app = DeliveryApp.Start(new() { ["Notifications:Sms:Mode"] = "Pigeon" }, start: false);

        var error = Assert.ThrowsAny<Exception>(() => _ = app.Services).ToString();

        Assert.Contains("Notifications:Sms:Mode must be Outbox or Notify, not 'Pigeon'", error, StringComparison.Ordinal);
    }

    private static bool Signed(string[] token, string secret)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{token[0]}.{token[1]}"));
        return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(token[2]));
    }
}

/// <summary>One request as GOV.UK Notify would have received it.</summary>
public sealed record NotifyRequest(HttpMethod Method, Uri Url, string? ContentType, string? AuthScheme, string? AuthToken, string Body);

/// <summary>Stands in for GOV.UK Notify: records each request and answers with a fixed status and body.</summary>
public sealed class NotifyStub(HttpStatusCode status, string answer)
{
    public System.Collections.Concurrent.ConcurrentQueue<NotifyRequest> Requests { get; } = new();

    public async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        Requests.Enqueue(new NotifyRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.Scheme, request.Headers.Authorization?.Parameter, body));
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}

internal sealed class NotifyHandler(NotifyStub stub) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        stub.AnswerAsync(request, cancellationToken);
}

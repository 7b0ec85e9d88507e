using System.Net;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// E-mail through Microsoft 365 with the app's own token: MSAL asks <see cref="FakeTokenEndpoint"/> (behind the app's
/// named HttpClient) for a token with the app registration's secret or certificate, and MailKit signs in to
/// <see cref="FakeSmtpServer"/> with SASL XOAUTH2 as the mailbox. What the endpoint and the server received is what is
/// checked, with how the outbox records each ending.
/// </summary>
public abstract class Microsoft365DeliveryTests(Provider provider)
{
    private const string Mailbox = "familytime@northbridge.example";

    private static Dictionary<string, string?> OAuth2(int port) => new()
    {
        ["Notifications:Email:Mode"] = "Smtp",
        ["Notifications:Email:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Smtp:Security"] = "None",
        ["Notifications:Email:Smtp:FromAddress"] = Mailbox,
        ["Notifications:Email:Smtp:Authentication"] = "OAuth2",
        ["Notifications:Email:Smtp:UserName"] = Mailbox,
        ["Notifications:Email:Smtp:OAuth2:TenantId"] = FakeTokenEndpoint.TenantId,
        ["Notifications:Email:Smtp:OAuth2:ClientId"] = FakeTokenEndpoint.ClientId,
        ["Notifications:Email:Smtp:OAuth2:ClientSecret"] = FakeTokenEndpoint.ClientSecret,
        ["Notifications:Email:Smtp:OAuth2:Authority"] = FakeTokenEndpoint.Authority,
    };

    private static OutboxMessage Email() =>
        OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Email, "parent@example.org", "Alex Parent", "Family time on Saturday",
            "Saturday's family time is at Willow Family Centre.", null, DeliveryApp.Now.UtcDateTime.AddDays(-1));

    private DeliveryApp Start(FakeTokenEndpoint entra, Dictionary<string, string?> settings) =>
        DeliveryApp.Start(settings, provider: provider,
            services: s => s.AddHttpClient(SmtpOAuth2Tokens.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => entra));

    /// <summary>The server takes only tokens the endpoint issued, as Exchange Online takes only Entra's.</summary>
    private static FakeSmtpServer ExchangeFor(FakeTokenEndpoint entra) => new() { AcceptsToken = t => entra.Issued.Contains(t) };

    [Fact]
    public async Task An_email_reaches_the_mail_server_signed_in_as_the_mailbox_with_the_token_issued_for_the_secret_and_the_scope()
    {
        var entra = new FakeTokenEndpoint();
        await using var smtp = ExchangeFor(entra);
        await using var app = Start(entra, OAuth2(smtp.Port));
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var asked = Assert.Single(entra.Requests);
        Assert.Equal(FakeTokenEndpoint.Url, asked.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal("client_credentials", asked.Form["grant_type"]);
        Assert.Equal(FakeTokenEndpoint.ClientId, asked.Form["client_id"]);
        Assert.Equal(FakeTokenEndpoint.ClientSecret, asked.Form["client_secret"]);
        Assert.Equal("https://outlook.office365.com/.default", asked.Form["scope"]);
        var token = Assert.Single(entra.Issued);
        var signIn = Assert.Single(smtp.SignIns);
        Assert.Equal(new ReceivedSignIn(Mailbox, token, Accepted: true), signIn);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(Mailbox, mail.SignedInAs);
        Assert.Equal(["parent@example.org"], mail.Recipients);
        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Sent, saved.Status);
        Assert.Null(saved.LastError);
    }

    [Fact]
    public async Task Later_emails_reuse_the_token_while_it_is_valid_and_one_near_its_end_is_fetched_again()
    {
        // MSAL counts a token with less than five minutes left as spent, so a one-minute token is never reused.
        var entra = new FakeTokenEndpoint { ExpiresIn = 60 };
        await using var smtp = ExchangeFor(entra);
        await using var app = Start(entra, OAuth2(smtp.Port));

        await app.QueueAsync(Email());
        await app.TickAsync();
        await app.QueueAsync(Email());
        await app.TickAsync();
        Assert.Equal(2, entra.Requests.Count);

        entra.ExpiresIn = 3600;
        await app.QueueAsync(Email());
        await app.TickAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.QueueAsync(Email());
        await app.QueueAsync(Email());
        await app.TickAsync();

        // Three tokens for five e-mails: the hour-long one served the last three.
        Assert.Equal(3, entra.Requests.Count);
        var issued = entra.Issued.ToList();
        Assert.Equal([issued[0], issued[1], issued[2], issued[2], issued[2]], smtp.SignIns.Select(s => s.Token));
        Assert.All(smtp.SignIns, s => Assert.True(s.Accepted));
        Assert.Equal(5, smtp.Received.Count);
    }

    [Fact]
    public async Task With_a_certificate_the_app_proves_itself_with_a_signed_assertion_and_sends_no_secret()
    {
        using var certificate = TestCertificate.SelfSigned();
        var pfx = TestCertificate.WritePfx(certificate, "pfx-password");
        try
        {
            var entra = new FakeTokenEndpoint { ClientCertificate = certificate };
            await using var smtp = ExchangeFor(entra);
            var settings = OAuth2(smtp.Port);
            settings.Remove("Notifications:Email:Smtp:OAuth2:ClientSecret");
            settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePath"] = pfx;
            settings["Notifications:Email:Smtp:OAuth2:ClientCertificatePassword"] = "pfx-password";
            await using var app = Start(entra, settings);
            var id = await app.QueueAsync(Email());

            await app.TickAsync();

            // The endpoint issues a token only for an assertion signed by the certificate, for it, by this client.
            var asked = Assert.Single(entra.Requests);
            Assert.False(asked.Form.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", asked.Form["client_assertion_type"]);
            Assert.Equal("https://outlook.office365.com/.default", asked.Form["scope"]);
            Assert.Equal(Assert.Single(entra.Issued), Assert.Single(smtp.SignIns).Token);
            Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Theory]
    [InlineData(FakeTokenEndpoint.ClientId, "Zq8~a-secret-entra-does-not-hold", "(invalid_client): AADSTS7000215: Invalid client secret provided.")]
    [InlineData("0b6e3a1d-2222-4c4c-8d8d-9e9e9e9e9e9e", FakeTokenEndpoint.ClientSecret, "(unauthorized_client): AADSTS700016: Application with identifier")]
    public async Task A_token_entra_refuses_fails_the_message_at_once_with_entras_reason_and_no_secret(string clientId, string secret, string reason)
    {
        var entra = new FakeTokenEndpoint();
        await using var smtp = ExchangeFor(entra);
        var settings = OAuth2(smtp.Port);
        settings["Notifications:Email:Smtp:OAuth2:ClientId"] = clientId;
        settings["Notifications:Email:Smtp:OAuth2:ClientSecret"] = secret;
        await using var app = Start(entra, settings);
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.Null(saved.NextAttemptAt);
        Assert.StartsWith("Microsoft Entra ID refused the app a token for the mail server " + reason, saved.LastError, StringComparison.Ordinal);
        Assert.Contains("Check Notifications:Email:Smtp:OAuth2", saved.LastError, StringComparison.Ordinal);
        // Entra's trace ID stays, for a call to Microsoft; the line breaks of its description do not.
        Assert.Contains("Trace ID: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", saved.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", saved.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, saved.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.SignIns);

        // Failed is final: hours later nothing is asked of Entra or the mail server again.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.TickAsync();
        Assert.Single(entra.Requests);
        Assert.Empty(smtp.Received);
    }

    public static TheoryData<string> EntraCannotAnswerNow => ["503", "429", "unreachable"];

    [Theory]
    [MemberData(nameof(EntraCannotAnswerNow))]
    public async Task Entra_down_busy_or_out_of_reach_leaves_the_message_to_be_tried_again(string trouble)
    {
        var entra = new FakeTokenEndpoint();
        if (trouble == "unreachable")
        {
            entra.Unreachable = true;
        }
        else
        {
            var status = (HttpStatusCode)int.Parse(trouble, System.Globalization.CultureInfo.InvariantCulture);
            entra.Outage = (status, $$"""{"error":"{{(status == HttpStatusCode.TooManyRequests ? "too_many_requests" : "temporarily_unavailable")}}","error_description":"AADSTS90033: A transient error has occurred. Please try again."}""");
        }
        await using var smtp = ExchangeFor(entra);
        await using var app = Start(entra, OAuth2(smtp.Port));
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var waiting = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(waiting.LastError));
        Assert.Equal(DeliveryApp.Now.UtcDateTime + OutboxMessage.RetryDelay(1), waiting.NextAttemptAt);
        Assert.Empty(smtp.SignIns);

        // Entra is back: the next attempt, on the outbox's own clock, gets a token and sends it.
        entra.Outage = null;
        entra.Unreachable = false;
        app.Clock.Advance(OutboxMessage.RetryDelay(1));
        await app.TickAsync();
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_mail_server_refusing_a_token_just_issued_fails_the_message_at_once_saying_what_to_check()
    {
        var entra = new FakeTokenEndpoint();
        await using var smtp = new FakeSmtpServer { AcceptsToken = _ => false };
        await using var app = Start(entra, OAuth2(smtp.Port));
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var saved = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.StartsWith($"The mail server refused the app's token for the mailbox {Mailbox} (", saved.LastError, StringComparison.Ordinal);
        Assert.Contains("5.7.3 Authentication unsuccessful", saved.LastError, StringComparison.Ordinal);
        Assert.Contains("SMTP.SendAsApp", saved.LastError, StringComparison.Ordinal);
        Assert.Contains("New-ServicePrincipal", saved.LastError, StringComparison.Ordinal);
        Assert.Contains("Add-MailboxPermission", saved.LastError, StringComparison.Ordinal);
        var token = Assert.Single(entra.Issued);
        Assert.DoesNotContain(token, saved.LastError, StringComparison.Ordinal);
        // The token had just come from Entra: no second one is asked for, and nothing was sent.
        Assert.Single(entra.Requests);
        Assert.Equal(new ReceivedSignIn(Mailbox, token, Accepted: false), Assert.Single(smtp.SignIns));
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_cached_token_the_mail_server_refuses_is_replaced_once_so_a_fix_made_meanwhile_takes_effect()
    {
        var entra = new FakeTokenEndpoint();
        await using var smtp = ExchangeFor(entra);
        await using var app = Start(entra, OAuth2(smtp.Port));
        await app.QueueAsync(Email());
        await app.TickAsync();
        var first = Assert.Single(entra.Issued);

        // The administrator changes the app's rights: Exchange now takes only tokens issued after the change.
        smtp.AcceptsToken = t => t != first && entra.Issued.Contains(t);
        var id = await app.QueueAsync(Email());
        await app.TickAsync();

        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
        Assert.Equal(2, entra.Requests.Count);
        var second = entra.Issued.Last();
        Assert.Equal([(first, true), (first, false), (second, true)], smtp.SignIns.Select(s => (s.Token, s.Accepted)));
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task A_mail_server_that_cannot_sign_in_for_now_leaves_the_message_to_be_tried_again()
    {
        var entra = new FakeTokenEndpoint();
        await using var smtp = new FakeSmtpServer { AcceptsToken = _ => false, SignInRefusal = "454 4.7.0 Temporary authentication failure" };
        await using var app = Start(entra, OAuth2(smtp.Port));
        var id = await app.QueueAsync(Email());

        await app.TickAsync();

        var waiting = await app.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("Temporary authentication failure", waiting.LastError, StringComparison.Ordinal);

        smtp.AcceptsToken = t => entra.Issued.Contains(t);
        app.Clock.Advance(OutboxMessage.RetryDelay(1));
        await app.TickAsync();
        Assert.Equal(DeliveryStatus.Sent, (await app.MessageAsync(id)).Status);
    }
}

[Collection("sqlite")]
public sealed class Microsoft365DeliveryTestsOnSqlite() : Microsoft365DeliveryTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class Microsoft365DeliveryTestsOnPostgres() : Microsoft365DeliveryTests(Provider.Postgres);

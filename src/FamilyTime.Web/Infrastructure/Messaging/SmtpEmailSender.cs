using System.Globalization;
using FamilyTime.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>Sends e-mails through the council's mail server (MailKit), as plain text: no tracking, no remote images.</summary>
public sealed class SmtpEmailSender(IOptions<EmailDeliveryOptions> options, SmtpOAuth2Tokens tokens) : IMessageSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public Channel Channel => Channel.Email;

    public async Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var mail = new MimeMessage();
        // Validated at start-up; FromName, when set, wins over any name written into FromAddress.
        var from = MailboxAddress.Parse(smtp.FromAddress ?? "");
        if (!string.IsNullOrWhiteSpace(smtp.FromName))
        {
            from.Name = smtp.FromName;
        }
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.RecipientName, message.To));
        mail.Subject = message.Subject;
        mail.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SecurityOf(smtp.Security), ct);
        if (smtp.ViaOAuth2)
        {
            await SignInWithTokenAsync(client, smtp.UserName ?? "", ct);
        }
        else if (!string.IsNullOrWhiteSpace(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        try
        {
            await client.SendAsync(mail, ct);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // A 5xx answer is the server's final word on this message (RFC 5321 4.2.1: a mailbox that does not exist, a
            // message it will not take); a 4xx is for now only, and is tried again.
            throw new DeliveryRefusedException($"The mail server answered {(int)refused.StatusCode}: {refused.Message}", refused);
        }
        await client.DisconnectAsync(quit: true, ct);
        return DeliveryStatus.Sent;
    }

    /// <summary>SASL XOAUTH2 with the app's token, for the mailbox it sends as.</summary>
    private async Task SignInWithTokenAsync(SmtpClient client, string mailbox, CancellationToken ct)
    {
        var token = await tokens.GetAsync(fresh: false, ct);
        if (await RefusedAsync(client, mailbox, token, ct) is not { } first)
        {
            return;
        }
        if (token.FromCache)
        {
            // A token from the cache may predate the fix an administrator has just made (the permission consented, the
            // service principal given the mailbox): Exchange reads the app's rights from the token, so the next hour of
            // messages would fail for a cause already gone. One new token settles it.
            token = await tokens.GetAsync(fresh: true, ct);
            first = await RefusedAsync(client, mailbox, token, ct);
            if (first is null)
            {
                return;
            }
        }
        // A 535 for a token Entra has just issued is Exchange Online refusing this app this mailbox: SMTP.SendAsApp not
        // consented, the service principal not registered in Exchange or without rights on the mailbox, or SMTP AUTH
        // switched off for it. Only an administrator changes that, so the message fails now, saying where to look,
        // rather than after three hours of the same answer. (A 4xx, Exchange busy for now, is tried again.)
        throw new DeliveryRefusedException(
            $"The mail server refused the app's token for the mailbox {mailbox} ({first.Message}). Check that the app registration has " +
            "Office 365 Exchange Online's SMTP.SendAsApp with admin consent, that its service principal is registered in Exchange Online " +
            "(New-ServicePrincipal) with FullAccess to that mailbox (Add-MailboxPermission), and that SMTP AUTH is on for the mailbox.", first);
    }

    /// <summary>Signs in with the token; answers the server's final refusal (5xx, such as 535), or null once signed in.
    /// A refusal for now (4xx, such as 454) and any other failure pass, for the outbox to try again.</summary>
    private static async Task<AuthenticationException?> RefusedAsync(SmtpClient client, string mailbox, SmtpAccessToken token, CancellationToken ct)
    {
        try
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, token.Value), ct);
            return null;
        }
        catch (AuthenticationException refused) when (StatusOf(refused) is >= 500 and < 600)
        {
            return refused;
        }
    }

    // MailKit reports every refused AUTH as an AuthenticationException whose message begins with the server's code ("535: …").
    private static int? StatusOf(AuthenticationException refused) =>
        refused.InnerException is SmtpCommandException command ? (int)command.StatusCode
        : refused.Message.Length > 3 && refused.Message[3] == ':'
            && int.TryParse(refused.Message.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code
        : null;

    private static SecureSocketOptions SecurityOf(string security) => security.ToUpperInvariant() switch
    {
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        "NONE" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}

using FamilyTime.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>Sends e-mails through the council's mail server (MailKit), as plain text: no tracking, no remote images.</summary>
public sealed class SmtpEmailSender(IOptions<EmailDeliveryOptions> options) : IMessageSender
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
        if (!string.IsNullOrWhiteSpace(smtp.UserName))
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

    private static SecureSocketOptions SecurityOf(string security) => security.ToUpperInvariant() switch
    {
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        "NONE" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}

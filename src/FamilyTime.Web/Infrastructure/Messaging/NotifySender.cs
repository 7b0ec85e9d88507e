using FamilyTime.Domain.Notifications;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// Sends texts, or e-mails, through GOV.UK Notify's HTTP API, each channel with its own settings and template (a text
/// template of just "((body))"; an e-mail template with "((subject))" as its subject and "((body))" as its content).
/// </summary>
public sealed class NotifySender(Channel channel, NotifySettings notify, string section, IHttpClientFactory http, TimeProvider clock) : IMessageSender
{
    public const string HttpClientName = NotifyApi.HttpClientName;

    public Channel Channel => channel;

    public async Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        if (channel == Channel.Email)
        {
            await NotifyApi.PostAsync(http, notify, section, "v2/notifications/email", new NotifyEmail(message.To, notify.TemplateId ?? "",
                new Dictionary<string, string> { ["subject"] = message.Subject, ["body"] = message.Body }, message.Id.ToString()), now, ct);
        }
        else
        {
            await NotifyApi.PostAsync(http, notify, section, "v2/notifications/sms",
                new NotifySms(message.To, notify.TemplateId ?? "", new Dictionary<string, string> { ["body"] = message.Body }, message.Id.ToString()), now, ct);
        }
        return DeliveryStatus.Sent;
    }

    // The reference is the outbox message's ID, so a text in Notify's own log can be traced back to its row here.
    private sealed record NotifySms(
        [property: System.Text.Json.Serialization.JsonPropertyName("phone_number")] string PhoneNumber,
        [property: System.Text.Json.Serialization.JsonPropertyName("template_id")] string TemplateId,
        [property: System.Text.Json.Serialization.JsonPropertyName("personalisation")] Dictionary<string, string> Personalisation,
        [property: System.Text.Json.Serialization.JsonPropertyName("reference")] string Reference);

    private sealed record NotifyEmail(
        [property: System.Text.Json.Serialization.JsonPropertyName("email_address")] string EmailAddress,
        [property: System.Text.Json.Serialization.JsonPropertyName("template_id")] string TemplateId,
        [property: System.Text.Json.Serialization.JsonPropertyName("personalisation")] Dictionary<string, string> Personalisation,
        [property: System.Text.Json.Serialization.JsonPropertyName("reference")] string Reference);
}

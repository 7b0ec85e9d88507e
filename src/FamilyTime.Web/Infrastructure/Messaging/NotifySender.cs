using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Notifications;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// Sends texts, or e-mails, through GOV.UK Notify's HTTP API, each channel with its own settings and template (a text
/// template of just "((body))"; an e-mail template with "((subject))" as its subject and "((body))" as its content).
/// The Notify .NET client cannot be used (its JWT library is not in the package mirror), and the API is one POST, so
/// this speaks it directly.
/// </summary>
public sealed class NotifySender(Channel channel, NotifySettings notify, string section, IHttpClientFactory http, TimeProvider clock) : IMessageSender
{
    public const string HttpClientName = "gov-uk-notify";

    public Channel Channel => channel;

    public async Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!NotifyApiKey.TryParse(notify.ApiKey, out var key))
        {
            throw new InvalidOperationException($"{section}:Notify:ApiKey is not a GOV.UK Notify API key.");
        }
        var email = channel == Channel.Email;
        var url = new Uri(new Uri(notify.BaseUrl.TrimEnd('/') + "/"), email ? "v2/notifications/email" : "v2/notifications/sms");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = email
                ? JsonContent.Create(new NotifyEmail(message.To, notify.TemplateId ?? "",
                    new Dictionary<string, string> { ["subject"] = message.Subject, ["body"] = message.Body }, message.Id.ToString()))
                : JsonContent.Create(new NotifySms(message.To, notify.TemplateId ?? "", new Dictionary<string, string> { ["body"] = message.Body }, message.Id.ToString())),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.TokenAt(clock.GetUtcNow()));
        var client = http.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var reason = $"GOV.UK Notify answered {(int)response.StatusCode}: {await ErrorsOfAsync(response, ct)}";
            // Notify's 400 (the number, the template or a team-only key) and 403 (the key or the token) say the same
            // thing however often they are asked; 429 (too many) and 5xx pass, so those are tried again.
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                throw new DeliveryRefusedException(reason);
            }
            throw new HttpRequestException(reason, null, response.StatusCode);
        }
        return DeliveryStatus.Sent;
    }

    /// <summary>Notify explains a refusal as {"errors": [{"error", "message"}]}; only those words are kept, for the outbox page.</summary>
    private static async Task<string> ErrorsOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var answer = await response.Content.ReadFromJsonAsync<NotifyErrors>(ct);
            var messages = answer?.Errors?.Select(e => $"{e.Error}: {e.Message}").ToList() ?? [];
            return messages.Count > 0 ? string.Join("; ", messages) : response.ReasonPhrase ?? "no reason given";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return response.ReasonPhrase ?? "no reason given";
        }
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

    private sealed record NotifyErrors(List<NotifyError>? Errors);

    private sealed record NotifyError(string? Error, string? Message);
}

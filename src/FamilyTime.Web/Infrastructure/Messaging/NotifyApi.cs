using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// One POST to GOV.UK Notify's HTTP API, signed with a fresh token, for texts, e-mails and letters alike. The Notify
/// .NET client cannot be used (its JWT library is not in the package mirror), and each kind of message is one POST.
/// </summary>
public static class NotifyApi
{
    public const string HttpClientName = "gov-uk-notify";

    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="path"/> (such as "v2/notifications/sms"). Throws
    /// <see cref="DeliveryRefusedException"/> when Notify refuses for good and <see cref="HttpRequestException"/>
    /// when it may take it later.
    /// </summary>
    public static async Task PostAsync<T>(IHttpClientFactory http, NotifySettings notify, string section, string path, T body, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(notify);
        if (!NotifyApiKey.TryParse(notify.ApiKey, out var key))
        {
            throw new InvalidOperationException($"{section}:Notify:ApiKey is not a GOV.UK Notify API key.");
        }
        var url = new Uri(new Uri(notify.BaseUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.TokenAt(now));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var reason = $"GOV.UK Notify answered {(int)response.StatusCode}: {await ErrorsOfAsync(response, ct)}";
        // Notify's 400 (the number, the template, the letter's PDF or a team-only key) and 403 (the key or the token)
        // say the same thing however often they are asked; 429 (too many) and 5xx pass, so those are tried again.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            throw new DeliveryRefusedException(reason);
        }
        throw new HttpRequestException(reason, null, response.StatusCode);
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

    private sealed record NotifyErrors(List<NotifyError>? Errors);

    private sealed record NotifyError(string? Error, string? Message);
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// A GOV.UK Notify API key, "{key name}-{service id}-{secret key}" with both IDs 36 characters long. The key name
/// may itself hold hyphens, so the two IDs are read from the end.
/// </summary>
public sealed record NotifyApiKey(string ServiceId, string SecretKey)
{
    private const int IdLength = 36;

    public static bool TryParse(string? key, out NotifyApiKey parsed)
    {
        parsed = new NotifyApiKey("", "");
        var text = key?.Trim() ?? "";
        // At least one character of name, then "-{id}-{id}".
        if (text.Length < 2 * IdLength + 3 || text[^(IdLength + 1)] != '-' || text[^(2 * IdLength + 2)] != '-')
        {
            return false;
        }
        var service = text.Substring(text.Length - (2 * IdLength + 1), IdLength);
        var secret = text[^IdLength..];
        if (!Guid.TryParse(service, out _) || !Guid.TryParse(secret, out _))
        {
            return false;
        }
        parsed = new NotifyApiKey(service, secret);
        return true;
    }

    /// <summary>
    /// The bearer token Notify asks for: a JWT signed HS256 with the secret key, issued by the service, at a time
    /// Notify checks is within 30 seconds of its own clock, so a fresh one goes with every request.
    /// </summary>
    public string TokenAt(DateTimeOffset now)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new { iss = ServiceId, iat = now.ToUnixTimeSeconds() }));
        var signed = $"{header}.{claims}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretKey), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    // The secret stays out of logs and exception messages that print the record.
    public override string ToString() => $"NotifyApiKey {{ ServiceId = {ServiceId} }}";
}

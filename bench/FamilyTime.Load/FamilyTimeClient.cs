using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FamilyTime.Load;

/// <summary>
/// The parts of the FamilyTime HTTP contract the benchmark depends on: readiness, cookie
/// sign-in (with antiforgery), bearer token and the list of reachable child ids.
/// Every failure becomes a <see cref="BenchSetupException"/> with a message a person can act on.
/// </summary>
internal static partial class FamilyTimeClient
{
    private const string SignInPath = "Account/SignIn";

    // Sign-in and token endpoints are rate limited per client IP (~10/minute); never give up
    // immediately on 429, but bound the total wait so a misconfigured server cannot hang the run.
    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(15);

    [GeneratedRegex("""<input\b[^>]*\bname\s*=\s*["']__RequestVerificationToken["'][^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("""\bvalue\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    /// <summary>Polls <paramref name="path"/> until it answers 2xx or the timeout passes.</summary>
    public static async Task WaitUntilReadyAsync(Uri baseUri, string path, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
        var started = TimeProvider.System.GetTimestamp();
        string last = "no answer yet";
        do
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        while (TimeProvider.System.GetElapsedTime(started) < timeout);

        throw new BenchSetupException($"{new Uri(baseUri, path)} not ready after {timeout.TotalSeconds:0}s (last: {last}). Is the server running?");
    }

    /// <summary>Signs the user's cookie client in once; the auth cookie is then reused for the whole run.</summary>
    public static async Task SignInAsync(HttpClient cookieClient, string userName, string password, CancellationToken ct)
    {
        var formPage = await SendWithRateLimitRetryAsync(
            () => new HttpRequestMessage(HttpMethod.Get, SignInPath), cookieClient, "GET /Account/SignIn", ct);
        var html = await ReadAndDisposeAsync(formPage, ct);
        if (formPage.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchSetupException($"GET /Account/SignIn answered {(int)formPage.StatusCode}, expected 200 with the sign-in form.");
        }

        var token = ExtractAntiforgeryToken(html)
            ?? throw new BenchSetupException("GET /Account/SignIn has no hidden __RequestVerificationToken input; cannot post the form.");

        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        var posted = await SendWithRateLimitRetryAsync(
            () => new HttpRequestMessage(HttpMethod.Post, SignInPath) { Content = new FormUrlEncodedContent(fields) },
            cookieClient,
            "POST /Account/SignIn",
            ct);
        _ = await ReadAndDisposeAsync(posted, ct);

        // Success is a redirect away from the sign-in page; a re-rendered form (200) means bad credentials.
        var location = posted.Headers.Location?.OriginalString ?? "";
        if ((int)posted.StatusCode is < 300 or >= 400 || location.Contains(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchSetupException(
                $"sign-in as '{userName}' failed: POST /Account/SignIn answered {(int)posted.StatusCode}"
                + (location.Length > 0 ? $" -> {location}" : "")
                + ". Check --user/--password and that the demo data is seeded (Demo__Enabled=true).");
        }

        // Prove the cookie works before measuring anything; otherwise every request would be a 302.
        using var check = await cookieClient.GetAsync(new Uri("Children", UriKind.Relative), ct);
        if (check.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchSetupException(
                $"signed in as '{userName}' but GET /Children answered {(int)check.StatusCode}"
                + (check.Headers.Location is { } l ? $" -> {l}" : "") + "; the auth cookie is not being accepted.");
        }
    }

    /// <summary>POST /api/v1/auth/token; returns the bearer access token.</summary>
    public static async Task<string> GetAccessTokenAsync(HttpClient apiClient, string userName, string password, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password });
        var response = await SendWithRateLimitRetryAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            },
            apiClient,
            "POST /api/v1/auth/token",
            ct);
        var json = await ReadAndDisposeAsync(response, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchSetupException($"POST /api/v1/auth/token as '{userName}' answered {(int)response.StatusCode}: {Truncate(json)}");
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && TryGetPropertyIgnoreCase(doc.RootElement, "accessToken", out var token)
                && token.ValueKind == JsonValueKind.String
                && token.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Reported below together with the body.
        }

        throw new BenchSetupException($"POST /api/v1/auth/token returned no accessToken: {Truncate(json)}");
    }

    /// <summary>GET /api/v1/children with the bearer token; returns the reachable child ids.</summary>
    public static async Task<IReadOnlyList<Guid>> GetChildIdsAsync(HttpClient apiClient, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/children");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await apiClient.SendAsync(request, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchSetupException($"GET /api/v1/children answered {(int)response.StatusCode}: {Truncate(json)}");
        }

        var ids = new List<Guid>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var item in FindItems(doc.RootElement))
            {
                if (item.ValueKind == JsonValueKind.Object
                    && TryGetPropertyIgnoreCase(item, "id", out var id)
                    && id.ValueKind == JsonValueKind.String
                    && Guid.TryParse(id.GetString(), out var guid))
                {
                    ids.Add(guid);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new BenchSetupException($"GET /api/v1/children did not return JSON ({ex.Message}): {Truncate(json)}");
        }

        if (ids.Count == 0)
        {
            throw new BenchSetupException(
                "GET /api/v1/children returned no child ids for this user, so the 'child' and 'api' scenarios have nothing to fetch. "
                + "Is the demo data seeded (Demo__Enabled=true, Demo__Children>0) and does the user have caseload?");
        }

        return ids;
    }

    internal static string? ExtractAntiforgeryToken(string html)
    {
        var input = AntiforgeryInput().Match(html);
        if (!input.Success)
        {
            return null;
        }

        var value = ValueAttribute().Match(input.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    // The contract says "a JSON array"; also accept a paged wrapper ({ "items": [...] }) so a later
    // API change degrades to "first page of ids" instead of breaking the benchmark.
    private static List<JsonElement> FindItems(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray()];
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    return [.. property.Value.EnumerateArray()];
                }
            }
        }

        return [];
    }

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Sends a fresh request (a request cannot be resent) and waits out 429 answers.</summary>
    private static async Task<HttpResponseMessage> SendWithRateLimitRetryAsync(
        Func<HttpRequestMessage> createRequest, HttpClient client, string what, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            using var request = createRequest();
            var response = await client.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = RetryAfter(response) ?? DefaultRetryAfter;
            response.Dispose();
            if (TimeProvider.System.GetElapsedTime(started) + wait > MaxRateLimitWait)
            {
                throw new BenchSetupException($"{what} still rate limited (429) after {MaxRateLimitWait.TotalMinutes:0} minutes.");
            }

            Console.Error.WriteLine($"  {what}: 429 rate limited, waiting {wait.TotalSeconds:0}s");
            await Task.Delay(wait, ct);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - TimeProvider.System.GetUtcNow();
            return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
        }

        return null;
    }

    private static async Task<string> ReadAndDisposeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            return await response.Content.ReadAsStringAsync(ct);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>A setup step failed in a way the operator must fix; the message says how.</summary>
internal sealed class BenchSetupException(string message) : Exception(message);

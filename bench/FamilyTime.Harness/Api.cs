using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FamilyTime.Harness;

/// <summary>The few API calls the harnesses need, as the demo social worker.</summary>
internal static class Api
{
    public const string Password = "Demo-family-time-2026";

    public static HttpClient Client(HarnessOptions options) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = new Uri(options.BaseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<string> TokenAsync(HttpClient http, string userName, CancellationToken ct)
    {
        using var answer = await http.PostAsJsonAsync("api/v1/auth/token", new { userName, password = Password }, ct);
        var text = await answer.Content.ReadAsStringAsync(ct);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new HarnessException($"signing in as {userName} answered {(int)answer.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient http, string path, string token, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, token);
        using var answer = await http.SendAsync(request, ct);
        var text = await answer.Content.ReadAsStringAsync(ct);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new HarnessException($"GET {path} answered {(int)answer.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    public static async Task<Guid> FirstChildAsync(HttpClient http, string token, CancellationToken ct)
    {
        var children = (await GetJsonAsync(http, "api/v1/children", token, ct)).AsArray();
        return children.Count > 0
            ? children[0]!["id"]!.GetValue<Guid>()
            : throw new HarnessException("the social worker reaches no child: is the demo data seeded?");
    }

    public static Guid? IdOf(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["id"]?.GetValue<Guid>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

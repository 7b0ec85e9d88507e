using System.Net;
using System.Net.Http.Headers;

namespace FamilyTime.Load;

/// <summary>
/// One simulated person: its own connection pool and cookie container (the HTML scenarios) and a
/// separate cookie-less client for the API, so bearer requests are not also authenticated by cookie.
/// Redirects are never followed: a lost session shows up as non-2xx instead of a fast sign-in page.
/// </summary>
internal sealed class VirtualUser : IDisposable
{
    public VirtualUser(int index, Uri baseUri, TimeSpan requestTimeout)
    {
        Index = index;
        Html = CreateClient(baseUri, requestTimeout, useCookies: true);
        Api = CreateClient(baseUri, requestTimeout, useCookies: false);
    }

    public int Index { get; }

    public HttpClient Html { get; }

    public HttpClient Api { get; }

    public void UseBearer(string accessToken) =>
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

    public void Dispose()
    {
        Html.Dispose();
        Api.Dispose();
    }

    private static HttpClient CreateClient(Uri baseUri, TimeSpan timeout, bool useCookies)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = useCookies,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUri, Timeout = timeout };
    }
}

using Microsoft.Identity.Client;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// Hands MSAL the app's own named HttpClient, so its requests to Microsoft Entra ID go the way the app's other outgoing
/// calls do (the council's proxy, the timeout) and tests can stand in for the token endpoint. The factory pools the
/// handlers, so a client per request does not exhaust sockets.
/// </summary>
public sealed class NamedMsalHttpClient(IHttpClientFactory http, string name) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => http.CreateClient(name);
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Running behind the council's TLS proxy. The proxy says who the client is and that they came over HTTPS
/// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>), believed only from the proxies and networks configured (loopback by
/// default), so the sign-in limit counts each person rather than the proxy and the cookie is marked Secure. With
/// <c>PublicBaseUrl</c> set, every request is treated as arriving at that address, so every absolute address the app
/// writes — calendar addresses, invitation links, the single sign-on redirect, the OpenAPI server — is the public one.
/// </summary>
public static class PublicAddress
{
    public const string BaseUrlSetting = "PublicBaseUrl";
    public const string Section = "ForwardedHeaders";

    /// <summary>The public address from configuration, or null when unset; a wrong value stops the service starting.</summary>
    private static Uri? BaseUrl(IConfiguration config)
    {
        var value = config[BaseUrlSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // Served at the root of its own host name: the pages link to their own addresses from the root (/Portal, /Children).
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new InvalidOperationException(
                $"{BaseUrlSetting} must be the address people use, a host name of its own such as https://familytime.council.gov.uk (no path or query), not '{value}'.");
        }
        return url;
    }

    /// <summary>Reads the settings once, refusing wrong ones, and registers <see cref="PublicBase"/>.</summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new PublicBase(BaseUrl(config)));
        var section = config.GetSection(Section);
        var proxies = new List<IPAddress>();
        foreach (var value in Values(section, "KnownProxies"))
        {
            proxies.Add(IPAddress.TryParse(value, out var proxy) ? proxy
                : throw new InvalidOperationException($"{Section}:KnownProxies holds '{value}', which is not an IP address such as 10.0.0.5."));
        }
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in Values(section, "KnownNetworks"))
        {
            networks.Add(System.Net.IPNetwork.TryParse(value, out var network) ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{value}', which is not an address range such as 10.0.0.0/8."));
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the nearest proxy is believed (ForwardLimit 1): an address a client wrote into the header itself
            // further along the chain is not. Loopback stays known, for a proxy on the same machine.
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    private static IEnumerable<string> Values(IConfigurationSection section, string name) =>
        section.GetSection(name).GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v))!;

    /// <summary>First in the pipeline: the forwarded headers, then the public address when one is set.</summary>
    public static void UsePublicAddress(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        if (app.ApplicationServices.GetRequiredService<PublicBase>().Url is not { } baseUrl)
        {
            return;
        }
        var host = new HostString(baseUrl.IsDefaultPort ? baseUrl.Host : $"{baseUrl.Host}:{baseUrl.Port}");
        app.Use((context, next) =>
        {
            context.Request.Scheme = baseUrl.Scheme;
            context.Request.Host = host;
            return next();
        });
    }

    /// <summary>
    /// Where links in a message point (invitations, set-up links): the address this request came to, which is the
    /// public one when <c>PublicBaseUrl</c> is set (see <see cref="UsePublicAddress"/>).
    /// </summary>
    public static string LinkBase(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

/// <summary>The address people use (<c>PublicBaseUrl</c>), or null when the app answers at whatever address it is asked.</summary>
public sealed record PublicBase(Uri? Url);

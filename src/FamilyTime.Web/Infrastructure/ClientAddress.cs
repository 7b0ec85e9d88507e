using System.Net;
using System.Net.Sockets;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Who is asking, as the sign-in limits count them: the client's address after the proxy's X-Forwarded-For has been
/// believed (see <see cref="PublicAddress"/>). An IPv6 client is counted by its /64 network, because one household or
/// one attacker is normally given a whole /64 and could otherwise take a fresh address for every try; an IPv4 address
/// written as IPv6 (::ffff:a.b.c.d) is counted as the IPv4 address it is.
/// </summary>
public static class ClientAddress
{
    /// <summary>The key the limits count under; "local" when the server knows no address (a test server).</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress is { } address ? Key(address) : "local";
    }

    public static string Key(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

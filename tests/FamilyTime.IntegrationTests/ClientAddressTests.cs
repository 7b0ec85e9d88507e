using System.Net;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.IntegrationTests;

/// <summary>The sign-in limits count an IPv6 client by its /64, so a fresh address from the same network is no fresh start.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::1")]
    public void Clients_are_counted_by_their_IPv4_address_or_their_IPv6_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
}

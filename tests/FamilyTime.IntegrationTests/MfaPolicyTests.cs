using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Features.Account.Mfa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FamilyTime.IntegrationTests;

/// <summary>Mfa:RequiredFor and Mfa:SingleSignOnCarriesMfa read as the README says, without an app.</summary>
public sealed class MfaPolicyTests
{
    private static MfaPolicy Policy(string environment, params (string Key, string Value)[] settings) =>
        MfaPolicy.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(), new Environment(environment));

    [Fact]
    public void Unset_it_is_every_member_of_staff_in_production_and_administrators_and_heads_of_service_elsewhere()
    {
        Assert.Equal(Roles.Staff.ToHashSet(), Policy("Production").RequiredRoles);
        Assert.Equal(new HashSet<string> { Roles.Administrator, Roles.HeadOfService }, Policy("Development").RequiredRoles);
        Assert.DoesNotContain(Roles.Parent, Policy("Production").RequiredRoles);
    }

    [Fact]
    public void None_all_staff_or_a_list_and_an_unknown_role_stops_start_up()
    {
        Assert.Empty(Policy("Production", ("Mfa:RequiredFor", "None")).RequiredRoles);
        Assert.Equal(Roles.Staff.ToHashSet(), Policy("Development", ("Mfa:RequiredFor", "allstaff")).RequiredRoles);
        Assert.Equal(new HashSet<string> { Roles.Administrator, Roles.Iro }, Policy("Production", ("Mfa:RequiredFor", "administrator, Iro")).RequiredRoles);
        var wrong = Assert.Throws<InvalidOperationException>(() => Policy("Production", ("Mfa:RequiredFor", "Administrator,Parent")));
        Assert.Contains("'Parent', which is not a staff role", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_factor_is_owed_until_given_and_single_sign_on_counts_only_when_trusted()
    {
        var password = Signed(("role", Roles.SocialWorker), (ClaimTypes.AuthenticationMethod, "pwd"));
        var withCode = Signed(("role", Roles.SocialWorker), ("amr", "mfa"));
        var council = Signed(("role", Roles.SocialWorker), (ClaimTypes.AuthenticationMethod, "OpenIdConnect"));
        var parent = Signed(("role", Roles.Parent));
        var strict = Policy("Production");
        Assert.True(strict.Owed(password));
        Assert.False(strict.Owed(withCode));
        Assert.True(strict.Owed(council));
        Assert.False(strict.Owed(parent));
        Assert.False(Policy("Production", ("Mfa:SingleSignOnCarriesMfa", "true")).Owed(council));
    }

    private static ClaimsPrincipal Signed(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type == "role" ? ClaimTypes.Role : c.Type, c.Value)), "test"));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "FamilyTime";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

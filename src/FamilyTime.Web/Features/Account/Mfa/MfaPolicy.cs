using System.Security.Claims;
using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace FamilyTime.Web.Features.Account.Mfa;

/// <summary>
/// Which roles must sign in with a second factor (setting <c>Mfa:RequiredFor</c>: <c>AllStaff</c>, <c>None</c>, or a
/// comma-separated list of roles; families, carers and young people are never made to use an authenticator). Unset, it is every member of staff in production and administrators and heads of
/// service elsewhere: they can change who may see what. With <c>Mfa:SingleSignOnCarriesMfa</c> true, a session opened by
/// the council's single sign-on counts as done: the council's identity provider asked for the second factor.
/// </summary>
public sealed class MfaPolicy
{
    public const string RequiredForSetting = "Mfa:RequiredFor";
    public const string SingleSignOnSetting = "Mfa:SingleSignOnCarriesMfa";

    public MfaPolicy(IEnumerable<string> roles, bool singleSignOnCarriesMfa)
    {
        RequiredRoles = roles.ToHashSet(StringComparer.Ordinal);
        SingleSignOnCarriesMfa = singleSignOnCarriesMfa;
    }

    public IReadOnlySet<string> RequiredRoles { get; }
    public bool SingleSignOnCarriesMfa { get; }

    /// <summary>The policy the settings describe; a role no one has heard of stops start-up with the reason.</summary>
    public static MfaPolicy From(IConfiguration config, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var value = config[RequiredForSetting]?.Trim();
        IEnumerable<string> roles = value switch
        {
            null or "" => environment.IsProduction() ? Roles.Staff : [Roles.Administrator, Roles.HeadOfService],
            _ when value.Equals("None", StringComparison.OrdinalIgnoreCase) => [],
            _ when value.Equals("AllStaff", StringComparison.OrdinalIgnoreCase) => Roles.Staff,
            _ => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(role =>
                Roles.Staff.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException(
                    $"{RequiredForSetting} names '{role}', which is not a staff role. Use AllStaff, None or roles from: {string.Join(", ", Roles.Staff)}.")).ToList(),
        };
        return new MfaPolicy(roles, config.GetValue(SingleSignOnSetting, false));
    }

    /// <summary>Whether the account's roles need a second factor at all.</summary>
    public bool RequiredFor(IEnumerable<string> roles) => roles.Any(RequiredRoles.Contains);

    /// <summary>
    /// Whether this sign-in still owes a second factor: a role that needs one, and neither a code given at sign-in
    /// (Identity's <c>amr</c> claim) nor, where trusted, the council's single sign-on.
    /// </summary>
    public bool Owed(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!RequiredFor(user.FindAll(ClaimTypes.Role).Select(c => c.Value)) || user.HasClaim("amr", "mfa"))
        {
            return false;
        }
        return !(SingleSignOnCarriesMfa && user.FindFirstValue(ClaimTypes.AuthenticationMethod) == OpenIdConnectDefaults.AuthenticationScheme);
    }
}

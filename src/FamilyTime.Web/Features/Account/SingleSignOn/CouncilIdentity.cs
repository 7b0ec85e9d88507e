using System.Security.Claims;

namespace FamilyTime.Web.Features.Account.SingleSignOn;

/// <summary>
/// Who the council's identity provider says signed in, read from the ID token's own claim names (the handler does not
/// rename them). An account is linked to the issuer, tenant and object id (<c>iss</c>, <c>tid</c>, <c>oid</c>), which
/// never change and are never reused, and never to an e-mail address, which can be given to someone else or set by the
/// user in another tenant (Microsoft's "migrate away from email claim" guidance). An issuer without <c>oid</c> is keyed
/// by its <c>sub</c>.
/// </summary>
public static class CouncilIdentity
{
    public static string? Tenant(ClaimsPrincipal principal) => Value(principal, "tid");

    /// <summary>The link's key, or null when the token lacks what makes one.</summary>
    public static string? Key(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var issuer = Value(principal, "iss");
        var oid = Value(principal, "oid");
        var sub = Value(principal, "sub");
        return issuer is null ? null
            : oid is not null ? $"{issuer}|{Tenant(principal)}|{oid}"
            : sub is not null ? $"{issuer}|{sub}"
            : null;
    }

    /// <summary>The e-mail address for a first link: <c>email</c>, else <c>preferred_username</c> or <c>upn</c> when they
    /// look like one (Entra accounts without a mailbox have no <c>email</c>); none when the issuer says it is unverified.</summary>
    public static string? Email(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (Value(principal, "email_verified") is "false" or "False")
        {
            return null;
        }
        return new[] { Value(principal, "email"), Value(principal, "preferred_username"), Value(principal, "upn") }
            .FirstOrDefault(v => Domain.Accounts.InvitationAddress.IsEmail(v));
    }

    public static IReadOnlyList<string> Groups(ClaimsPrincipal principal) =>
        [.. principal.FindAll("groups").Select(c => c.Value)];

    private static string? Value(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
}

using System.Globalization;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>The addresses of the invitation pages, made in one place.</summary>
public static class AccountLinks
{
    public static string Invitation(string token) => $"/Account/Invitation/{Uri.EscapeDataString(token)}";
    public const string Welcome = "/Account/Welcome";
    public const string Security = "/Account/Security";
    public static string Invitations(Guid childId) => $"/Children/{childId}/Invitations";
    public static string NewInvitation(Guid childId) => $"/Children/{childId}/Invitations/New";
}

public static class InvitationWords
{
    /// <summary>"24 November 2026", in England's time.</summary>
    public static string Date(DateTime utc) => LondonTime.ToLondon(utc).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The one answer to every link that cannot be used, so that nobody can learn from it which tokens exist.</summary>
    public const string Unusable = "This invitation link has expired or has already been used. Ask your social worker for a new one.";
}

using FamilyTime.Domain.Accounts;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>The service's settings for portal accounts (section "Portal").</summary>
public sealed class PortalOptions
{
    /// <summary>The age from which a young person may be invited to their own account.</summary>
    public int YoungPersonFromAge { get; set; } = PortalAge.DefaultFromAge;

    /// <summary>How many days an invitation link works.</summary>
    public int InvitationDays { get; set; } = 7;
}

using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Data.Identity;

/// <summary>A person who signs in: staff, carers and parents. Where their work belongs decides what they reach.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A social worker's or team manager's team.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>A coordinator's area.</summary>
    public Guid? AreaId { get; set; }

    /// <summary>A carer's household.</summary>
    public Guid? CarerHouseholdId { get; set; }

    /// <summary>A contact worker trained to observe and assess family time (guidance section 7): only they supervise assessed family time.</summary>
    public bool TrainedToAssess { get; set; }

    /// <summary>When staff suspended this portal account, or an administrator deactivated this staff account (null while
    /// it may sign in); the lockout is what refuses it.</summary>
    public DateTime? SuspendedAt { get; set; }

    /// <summary>Why the account was suspended, for staff only.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>When the account last signed in (page, single sign-on or API token), for administrators to see
    /// accounts no longer used.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// Suspended (a portal account) or deactivated (staff): locked for good, so no way in works, and a new security
    /// stamp, which ends every sign-in already open, cookie or bearer token, at its next request.
    /// </summary>
    public void Suspend(DateTime at, string? reason)
    {
        SuspendedAt = at;
        SuspensionReason = reason;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        RenewSecurityStamp();
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// A new security stamp: every sign-in already open, cookie or bearer token, ends at its next request, and a link
    /// made from the old stamp (a set-up link) stops working. For changes saved with other changes in one transaction,
    /// where Identity's UserManager.UpdateSecurityStampAsync would save on its own.
    /// </summary>
    public void RenewSecurityStamp() => SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();

    /// <summary>May sign in again, with a clean count of wrong passwords.</summary>
    public void LiftSuspension()
    {
        SuspendedAt = null;
        SuspensionReason = null;
        LockoutEnd = null;
        AccessFailedCount = 0;
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}

using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// Who hears of a claim: the child's team managers get a task to decide it; the claimant is told the outcome
/// (a family member through the family guard, a worker at their account's address). Staged on the caller's save.
/// </summary>
public sealed class TravelNotices(FamilyTimeDbContext db, TaskList tasks, Notifier notifier)
{
    public const string StaffPage = "/Travel";

    private static string TaskKey(Guid claimId) => $"travel:{claimId}:";

    public async Task AskManagersAsync(TravelClaim claim, string childName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var team = await db.Children.Where(c => c.Id == claim.ChildId).Select(c => c.TeamId).FirstAsync(ct);
        var managers = await db.Users.Where(u => u.TeamId == team
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.TeamManager)))
            .Select(u => u.Id).ToListAsync(ct);
        var who = claim.Claimant == Claimant.StaffMileage ? "Mileage" : "A travel claim";
        foreach (var manager in managers)
        {
            await tasks.AddAsync(TaskKey(claim.Id) + manager, TaskKind.TravelClaimToDecide, manager, claim.ChildId,
                $"{who} of {Money(claim.AmountPence)} for {childName}'s family time on {Day(claim.SessionDate)} waits for your decision",
                StaffPage, null, ct);
        }
    }

    public async Task TellClaimantAsync(TravelClaim claim, string byId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await tasks.CompleteAsync(TaskKey(claim.Id), byId, ct);
        var subject = claim.State == TravelClaimState.Approved ? "Your travel claim has been approved" : "Your travel claim has not been approved";
        var body = claim.State == TravelClaimState.Approved
            ? $"Your claim of {Money(claim.AmountPence)} for travel to family time on {Day(claim.SessionDate)} has been approved. It will be paid in the next payment run."
            : $"Your claim of {Money(claim.AmountPence)} for travel to family time on {Day(claim.SessionDate)} has not been approved.\n\nThe reason: {claim.RefusalReason}\n\nIf you want to talk about it, contact your social worker.";
        var key = $"travel:{claim.Id}:decided";
        if (claim.Claimant == Claimant.StaffMileage)
        {
            await notifier.EmailUserAsync(key, claim.ClaimantUserId, subject, body, claim.ChildId, ct);
            return;
        }
        var to = await db.Users.AsNoTracking().Where(u => u.Id == claim.ClaimantUserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (to?.Email is { Length: > 0 } email)
        {
            // A family member's message passes the family guard inside the notifier (the reason is written by staff).
            await notifier.EmailAsync(key, email, to.DisplayName, subject, body, claim.ChildId, ct);
        }
    }

    public static string Money(long pence) => (pence / 100m).ToString("£#,##0.00", CultureInfo.GetCultureInfo("en-GB"));

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

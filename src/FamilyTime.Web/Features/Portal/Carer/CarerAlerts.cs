using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Carers;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>
/// Tells the carers a child lives with that a session was cancelled, moved or ended early, each by the channel they
/// chose (e-mail, text or both; e-mail if they never chose). Messages are staged on the caller's unit of work, so they
/// exist only if the change was saved; their keys make a retried change send once.
/// </summary>
/// <remarks>
/// Called by every use case that changes a session under the carers' feet: closing a session off (cancellations,
/// suspensions, rearranging), a record saying it ended early; the parent's "I can't come" and an approved rearrangement
/// call it too once merged. Carers know the home, so these go through the notifier's carer methods, not the family guard.
/// </remarks>
public sealed class CarerAlerts(FamilyTimeDbContext db, Notifier notifier)
{
    public async Task<int> QueueAsync(Guid sessionId, SessionChange change, string? reason, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                s.ChildId, s.Date, s.StartTime,
                Child = db.Children.Where(c => c.Id == s.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstOrDefault(),
                Household = db.Placements.Where(p => p.ChildId == s.ChildId && p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (session?.Household is not { } household)
        {
            return 0;
        }
        // A session changed and then saved again in the same request is staged once: the saved state is what is told.
        var carers = await db.InRole(Roles.Carer).AsNoTracking().Where(u => u.CarerHouseholdId == household)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.PhoneNumber,
                Preferences = db.CarerAlertPreferences.Where(p => p.UserId == u.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        var headline = SessionChangeRules.Headline(change, session.Child ?? "The child", session.Date, session.StartTime);
        var key = $"carer-alert:{sessionId:N}:{change}:{session.Date:yyyyMMdd}{session.StartTime:HHmm}";
        var page = CarerLinks.Child(session.ChildId);
        var sent = 0;
        foreach (var carer in carers)
        {
            var chosen = carer.Preferences ?? CarerAlertPreferences.Default(carer.Id);
            var emailed = false;
            if (chosen.ByEmail && !string.IsNullOrWhiteSpace(carer.Email))
            {
                emailed = await notifier.EmailCarerAsync($"{key}:{carer.Id}:email", carer.Email, carer.DisplayName, headline, string.Join("\n\n",
                    $"Dear {carer.DisplayName},",
                    headline + ".",
                    Domain.Common.Text.Clean(reason) is { } why ? $"What we were told: {why}" : "",
                    change == SessionChange.EndedEarly ? "The contact worker will bring the child home or tell you when to collect them." : "There is no need to take the child to this session.",
                    $"See what's next: {page}",
                    "If you have a question, call the child's social worker.").Replace("\n\n\n\n", "\n\n"), session.ChildId, ct);
                sent += emailed ? 1 : 0;
            }
            // A text is for those who chose it, and for those who chose e-mail but have no address (so no one goes untold).
            if ((chosen.ByText || (chosen.ByEmail && !emailed && string.IsNullOrWhiteSpace(carer.Email))) && !string.IsNullOrWhiteSpace(carer.PhoneNumber))
            {
                sent += await notifier.SmsCarerAsync($"{key}:{carer.Id}:sms", carer.PhoneNumber, carer.DisplayName,
                    $"FamilyTime: {headline}. Details in FamilyTime.", session.ChildId, ct) ? 1 : 0;
            }
        }
        return sent;
    }
}

/// <summary>The carer portal's addresses.</summary>
public static class CarerLinks
{
    public const string Alerts = "/Portal/Carer/Alerts";
    public const string Guidance = "/Portal/Carer/Guidance";
    public static string Child(Guid childId) => $"/Portal/Children/{childId}/Carer";
    public static string BeforeAndAfter(Guid childId, Guid sessionId) => $"/Portal/Children/{childId}/Carer/Sessions/{sessionId}/BeforeAndAfter";
    public static string IndirectContact(Guid childId) => $"/Portal/Children/{childId}/Carer/IndirectContact";

    /// <summary>The log on the staff side of the child's record, for the social worker.</summary>
    public static string StaffLog(Guid childId) => $"/Children/{childId}/IndirectContact";
}

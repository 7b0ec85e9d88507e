using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// Tells the people who would set off for a session — the carers of the child's current home and the worker who
/// supervises it — what the family has said. They know the child's home, so these are staff and carer messages
/// (not passed through the family guard); each has a key, so a step run twice sends once.
/// </summary>
public sealed class SessionAlerts(FamilyTimeDbContext db, Notifier notifier)
{
    /// <summary>A text is read on a lock screen: no child's name, only that there is news about family time.</summary>
    public const string Text = "FamilyTime: there is news about a family-time session today or soon. Please check your e-mail or sign in.";

    /// <summary>Queues the message for each carer of the child's current home and the session's supervisor; answers how many were queued.</summary>
    public async Task<int> TellAsync(FamilyTimeSession session, string key, string subject, Func<string, string> body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(body);
        var sent = 0;
        var household = await db.Placements.AsNoTracking().Where(p => p.ChildId == session.ChildId && p.EndDate == null)
            .Select(p => p.CarerHouseholdId).FirstOrDefaultAsync(ct);
        if (household is { } h)
        {
            var carers = await db.InRole(Roles.Carer).AsNoTracking().Where(u => u.CarerHouseholdId == h)
                .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber }).ToListAsync(ct);
            foreach (var carer in carers)
            {
                if (!string.IsNullOrWhiteSpace(carer.Email))
                {
                    sent += await notifier.EmailCarerAsync($"{key}:{carer.Id}", carer.Email, carer.DisplayName, subject, body(carer.DisplayName), session.ChildId, ct) ? 1 : 0;
                }
                else if (!string.IsNullOrWhiteSpace(carer.PhoneNumber))
                {
                    sent += await notifier.SmsCarerAsync($"{key}:{carer.Id}", carer.PhoneNumber, carer.DisplayName, Text, session.ChildId, ct) ? 1 : 0;
                }
            }
        }
        if (session.SupervisorId is { Length: > 0 } supervisor)
        {
            var name = await db.Users.AsNoTracking().Where(u => u.Id == supervisor).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
            sent += await notifier.EmailUserAsync($"{key}:{supervisor}", supervisor, subject, body(name), session.ChildId, ct) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>"Saturday 21 November at 10:00", as the messages and pages say a session's time.</summary>
    public static string When(DateOnly date, TimeOnly start) =>
        $"{date.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))} at {start.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

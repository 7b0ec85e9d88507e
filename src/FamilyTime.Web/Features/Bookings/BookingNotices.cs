using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.SessionActions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>
/// Tells people a booked session has moved (another day, time or venue). The carers of the child's current home and
/// the supervisor hear it as staff (SessionAlerts); each person of the arrangement (not a brother or sister in care,
/// who hears from their own social worker) by e-mail, else a text, through the family guard: the message says the
/// new time and venue and the supervisor's first name, never anything about the home. Keys carry the new slot, so a
/// retried save sends once and a second move sends again.
/// </summary>
public sealed class BookingNotices(FamilyTimeDbContext db, SessionAlerts alerts, Notifier notifier)
{
    public const string FamilyText = "FamilyTime: your family time has moved. Please sign in to see the new day, time and place.";

    public async Task TellMovedAsync(FamilyTimeSession session, ChildContext child, DateOnly from, TimeOnly fromStart, Guid? fromVenue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(child);
        var childName = child.PreferredName ?? child.FirstName;
        var key = $"booking-moved:{session.Id}:{session.Date:yyyyMMdd}{session.StartTime:HHmm}:{session.VenueId}";
        var venue = session.VenueId is { } v
            ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => new { x.Name, x.Address, x.Postcode }).FirstOrDefaultAsync(ct)
            : null;
        var where = venue is null ? "" : $" at {venue.Name}";
        var placeChanged = fromVenue != session.VenueId;
        var newWhen = SessionAlerts.When(session.Date, session.StartTime);
        await alerts.TellAsync(session, key, "Family time has moved", name => string.Join("\n\n",
            $"Dear {name},",
            $"Family time with {childName} on {SessionAlerts.When(from, fromStart)} has moved to {newWhen}{where}.",
            placeChanged && venue is not null ? $"The venue is {venue.Name}, {venue.Address}, {venue.Postcode}." : "The venue has not changed.",
            "Please do not set off at the old time."), ct);

        var supervisor = session.SupervisorId is { Length: > 0 } sid
            ? await db.Users.AsNoTracking().Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var firstName = supervisor?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var personIds = session.ArrangementId is { } a
            ? await db.Arrangements.AsNoTracking().Where(x => x.Id == a).Select(x => x.PersonIds).FirstOrDefaultAsync(ct) ?? []
            : [];
        var people = (await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == session.ChildId && p.SiblingChildId == null)
            .Select(p => new { p.Id, p.FullName, p.Email, p.Phone }).ToListAsync(ct)).Where(p => personIds.Contains(p.Id));
        foreach (var person in people)
        {
            var body = string.Join("\n\n",
                $"Dear {person.FullName},",
                $"Family time with {childName} on {SessionAlerts.When(from, fromStart)} has moved to {newWhen}{where}.",
                firstName is null ? "Sign in to FamilyTime to see your sessions." : $"{firstName} will be there with you. Sign in to FamilyTime to see your sessions.");
            if (!string.IsNullOrWhiteSpace(person.Email))
            {
                await notifier.EmailAsync($"{key}:family:{person.Id}", person.Email, person.FullName, "Your family time has moved", body, session.ChildId, ct);
            }
            else if (!string.IsNullOrWhiteSpace(person.Phone))
            {
                await notifier.SmsAsync($"{key}:family:{person.Id}", person.Phone, person.FullName, FamilyText, session.ChildId, ct);
            }
        }
    }
}

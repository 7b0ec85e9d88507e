using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

/// <summary>The young person's next family time: when, who with and where, and nothing more (no address, no carers).</summary>
public sealed record NextFamilyTime(Guid SessionId, DateOnly Date, TimeOnly Start, TimeOnly End, string With, string Where);

/// <summary>A session that happened, and the face they gave it, if any.</summary>
public sealed record HeldSession(Guid SessionId, DateOnly Date, string With, FeelingFace? Face);

/// <summary>Everything the young person's own pages show, read for their own child record only.</summary>
public sealed record MyFamilyTimeView(
    Guid ChildId, string Name, string FamilyTimeName, string SocialWorker, NextFamilyTime? Next, IReadOnlyList<HeldSession> Held);

/// <summary>
/// What a young person sees of their own family time. Read only for the child whose account this is (the table's
/// <see cref="ChildOperation.SpeakForSelf"/>); staff-written words pass the family guard, and the home, carers,
/// school, parents' details and the case are never selected.
/// </summary>
public sealed class MyFamilyTime(FamilyTimeDbContext db, ChildAccessPolicy access, Notifications.FamilyOutputGuard guard, TimeProvider clock)
{
    /// <summary>How many past sessions are offered to say how they felt.</summary>
    private const int HeldShown = 5;

    /// <summary>The young person's own child record, or null (a parent or carer on the portal has none).</summary>
    public async Task<Guid?> OwnChildAsync(UserScope user, CancellationToken ct) =>
        await access.Reachable(user, ChildOperation.SpeakForSelf).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    public async Task<MyFamilyTimeView> ForAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var today = clock.Today();
        var id = child.ChildId;
        var home = await guard.ForChildAsync(id, ct);
        var socialWorker = await db.Users.Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var people = await PeopleAsync(id, ct);

        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.ChildId == id && s.Status == SessionStatus.Planned && s.Date >= today)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .Select(s => new
            {
                s.Id, s.Date, s.StartTime, s.DurationMinutes,
                Venue = db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(),
                Arrangement = db.Arrangements.Where(a => a.Id == s.ArrangementId).Select(a => new { a.PersonIds, a.Place, a.PlaceDescription }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        NextFamilyTime? nextTime = null;
        if (next is not null)
        {
            var where = next.Venue
                ?? next.Arrangement?.Place switch
                {
                    FamilyTimePlace.CarersHome => "At home",
                    FamilyTimePlace.FamilyHome => "At your family’s home",
                    // Written by staff: it passes the guard like every other staff word shown outside the service.
                    FamilyTimePlace.Community => home.Redact(next.Arrangement.PlaceDescription) ?? "Out and about",
                    _ => "Your social worker will tell you where",
                };
            nextTime = new NextFamilyTime(next.Id, next.Date, next.StartTime, next.StartTime.AddMinutes(next.DurationMinutes),
                With(next.Arrangement?.PersonIds, people), where);
        }

        var held = await db.Sessions.AsNoTracking()
            .Where(s => s.ChildId == id && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly) && s.Date <= today)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime)
            .Take(HeldShown)
            .Select(s => new
            {
                s.Id, s.Date,
                PersonIds = db.Arrangements.Where(a => a.Id == s.ArrangementId).Select(a => a.PersonIds).FirstOrDefault(),
                Face = db.SessionFeelings.Where(f => f.SessionId == s.Id).OrderByDescending(f => f.Number).Select(f => (FeelingFace?)f.Face).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return new MyFamilyTimeView(id, child.PreferredName ?? child.FirstName, home.Redact(child.FamilyTimeName)!, FirstName(socialWorker), nextTime,
            held.Select(h => new HeldSession(h.Id, h.Date, With(h.PersonIds, people), h.Face)).ToList());
    }

    /// <summary>
    /// The people in their life they may choose to see, by first name and what they are to them ("Kelly (Mum)").
    /// Not those they live with, and not a possible future carer (not theirs to learn of here).
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> PeopleAsync(Guid childId, CancellationToken ct)
    {
        var people = await db.SignificantPeople.AsNoTracking()
            .Where(p => p.ChildId == childId && !p.ChildPlacedWithThem && p.Relationship != Relationship.PossibleFutureCarer)
            .OrderBy(p => p.Relationship).ThenBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName, p.Relationship })
            .ToListAsync(ct);
        return people.Select(p => (p.Id, $"{FirstName(p.FullName)} ({Called(p.Relationship)})")).ToList();
    }

    private static string With(IEnumerable<Guid>? personIds, IReadOnlyList<(Guid Id, string Label)> people)
    {
        var names = (personIds ?? []).Select(pid => people.FirstOrDefault(p => p.Id == pid).Label).OfType<string>().ToList();
        return names.Count == 0 ? "Your family" : string.Join(", ", names);
    }

    private static string FirstName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? fullName;

    /// <summary>What a child would call them, in everyday words.</summary>
    public static string Called(Relationship r) => r switch
    {
        Relationship.Mother => "Mum",
        Relationship.Father => "Dad",
        Relationship.Brother => "brother",
        Relationship.Sister => "sister",
        Relationship.HalfSibling => "brother or sister",
        Relationship.Grandparent => "grandparent",
        Relationship.AuntOrUncle => "aunt or uncle",
        Relationship.FamilyFriend => "family friend",
        Relationship.FormerCarer => "used to look after you",
        _ => "someone who matters to you",
    };
}

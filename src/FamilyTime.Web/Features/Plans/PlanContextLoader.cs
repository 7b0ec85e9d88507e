using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Reads what the plan's rules need to know about a child, as of today.</summary>
public sealed class PlanContextLoader(FamilyTimeDbContext db, TimeProvider clock)
{
    /// <summary>For a request about the child: the name, birth date and legal status come from the context already read.</summary>
    public async Task<PlanContext> LoadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var facts = await FactsAsync(child.ChildId, ct);
        return new PlanContext(
            child.PreferredName ?? child.FirstName, child.DateOfBirth, facts!.CameIntoCareOn, child.LegalStatus, child.InCareProceedings,
            facts.HasException, facts.People, await OpenRoomsAsync(ct), clock.Today(), await TrainedToAssessAsync(ct));
    }

    /// <summary>For work that has no request about the child behind it: the child is read here too.</summary>
    public async Task<PlanContext?> LoadAsync(Guid childId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.FirstName, c.PreferredName, c.DateOfBirth, c.LegalStatus, c.InCareProceedings })
            .FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return null;
        }
        var facts = (await FactsAsync(childId, ct))!;
        return new PlanContext(
            child.PreferredName ?? child.FirstName, child.DateOfBirth, facts.CameIntoCareOn, child.LegalStatus, child.InCareProceedings,
            facts.HasException, facts.People, await OpenRoomsAsync(ct), clock.Today(), await TrainedToAssessAsync(ct));
    }

    private sealed record Facts(DateOnly CameIntoCareOn, bool HasException, List<PlanPerson> People);

    /// <summary>The rest of the child's side in one query: when they came into care, the people in their life, any exception.</summary>
    private Task<Facts?> FactsAsync(Guid childId, CancellationToken ct) =>
        db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new Facts(
                c.CameIntoCareOn,
                db.SupervisionExceptions.Any(e => e.ChildId == c.Id),
                db.SignificantPeople.Where(p => p.ChildId == c.Id)
                    .OrderBy(p => p.Relationship).ThenBy(p => p.FullName)
                    .Select(p => new PlanPerson(p.Id, p.FullName, p.Relationship, p.NeedsInterpreter ? p.SpokenLanguage : null))
                    .ToList()))
            .FirstOrDefaultAsync(ct);

    /// <summary>The workers whose accounts say they are trained to assess family time.</summary>
    private async Task<HashSet<string>> TrainedToAssessAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.TrainedToAssess).Select(u => u.Id).ToListAsync(ct)).ToHashSet();

    private async Task<HashSet<VenueRoomChoice>> OpenRoomsAsync(CancellationToken ct) =>
        (await db.Rooms.AsNoTracking()
            .Where(r => db.Venues.Any(v => v.Id == r.VenueId && v.IsOpen))
            .Select(r => new VenueRoomChoice(r.VenueId, r.Id))
            .ToListAsync(ct)).ToHashSet();
}

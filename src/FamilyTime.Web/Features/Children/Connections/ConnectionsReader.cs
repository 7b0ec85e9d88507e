using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children.Connections;

/// <summary>
/// Reads who matters to a child and how the plan keeps them in touch, for those who support the child's family time
/// (carers, contact workers, coordinators) and those who hold the case, and records that they looked.
/// </summary>
public sealed class ConnectionsReader(FamilyTimeDbContext db, AuditedSave audit)
{
    /// <summary>The map of the child the route names; the route has already held the reader to <see cref="ChildOperation.ViewConnections"/>.</summary>
    public Task<ConnectionsMap> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Connections, child.ChildId, child.ChildId),
            c => LoadAsync(child, c), ct);
    }

    private async Task<ConnectionsMap> LoadAsync(ChildContext child, CancellationToken ct)
    {
        var childId = child.ChildId;
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.Id, p.FullName, p.Relationship })
            .ToListAsync(ct);
        var plan = await db.ContactPlans.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.Status, p.AgreedVersion })
            .FirstOrDefaultAsync(ct);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(ct);

        var connections = people
            .OrderBy(p => p.Relationship).ThenBy(p => p.FullName, StringComparer.OrdinalIgnoreCase)
            .Select(p => Connect(p.Id, p.FullName, p.Relationship, arrangements.Where(a => a.PersonIds.Contains(p.Id)).ToList()))
            .ToList();
        var planState = plan switch
        {
            null => "There is no family-time plan yet, so no family time is arranged.",
            { AgreedVersion: 0 } => "From the draft family-time plan, which has not been agreed yet.",
            _ => $"From version {plan.AgreedVersion} of the agreed family-time plan.",
        };
        return new ConnectionsMap(childId, child.PreferredName ?? child.FirstName, planState, connections);
    }

    /// <summary>
    /// Face to face anywhere in the person's arrangements makes the connection direct; how often lists every
    /// arrangement, as someone may have weekly visits and letters too.
    /// </summary>
    private static Connection Connect(Guid id, string name, Relationship relationship, IReadOnlyList<Arrangement> arrangements)
    {
        var kind = arrangements.Count == 0 ? ConnectionKind.None
            : arrangements.Any(a => a.Form == FamilyTimeForm.FaceToFace) ? ConnectionKind.Direct
            : ConnectionKind.Indirect;
        var howOften = arrangements.Count == 0
            ? ConnectionWords.NoFamilyTime
            : string.Join("; ", arrangements
                .OrderBy(a => a.Form)
                .Select(a => a.Form == FamilyTimeForm.FaceToFace ? a.Schedule?.Describe() ?? PlanWords.Describe(a.Form) : PlanWords.Describe(a.Form))
                .Distinct(StringComparer.Ordinal));
        return new Connection(id, name, RelationshipRules.Describe(relationship), kind, howOften);
    }
}

using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>Who an arrangement is with, as pages and messages name it: "Mum and Nan" (two queries however many arrangements).</summary>
public static class ArrangementNames
{
    /// <summary>One arrangement of the child's; null when the child has no such arrangement.</summary>
    public static async Task<string?> ArrangementNamesAsync(this FamilyTimeDbContext db, Guid childId, Guid arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId && a.ChildId == childId).Select(a => a.PersonIds).FirstOrDefaultAsync(ct);
        if (personIds is null)
        {
            return null;
        }
        var people = await db.SignificantPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return Join(personIds, people);
    }

    /// <summary>Every arrangement of the children, by arrangement.</summary>
    public static async Task<Dictionary<Guid, string>> ArrangementNamesAsync(this FamilyTimeDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => childIds.Contains(a.ChildId)).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => childIds.Contains(p.ChildId)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return arrangements.ToDictionary(a => a.Id, a => Join(a.PersonIds, people));
    }

    public static string Join(IEnumerable<Guid> personIds, IReadOnlyDictionary<Guid, string> people) =>
        string.Join(" and ", personIds.Where(people.ContainsKey).Select(id => people[id]));
}

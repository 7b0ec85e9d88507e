using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>One drifting arrangement of one child, in words.</summary>
public sealed record DriftLine(Guid ChildId, string ChildName, Guid ArrangementId, string With, int Days, ReviewSignalKind Kind, string Why);

/// <summary>
/// Finds family time that has stopped happening for a set of children (one child's page, or a team's dashboard)
/// in one query: each running face-to-face arrangement with the date of its last session held, and the people in it.
/// </summary>
public sealed class DriftReader(FamilyTimeDbContext db, ReviewThresholds thresholds, TimeProvider clock)
{
    public async Task<IReadOnlyList<DriftLine>> ForAsync(IQueryable<Guid> childIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        var today = clock.Today();
        var rows = await db.Children.AsNoTracking().AsSingleQuery()
            .Where(c => childIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName,
                People = c.People.Select(p => new { p.Id, p.FullName }).ToList(),
                Arrangements = db.Arrangements.Where(a => a.ChildId == c.Id && a.EndedOn == null && a.Form == FamilyTimeForm.FaceToFace && a.FirstDate != null)
                    .Select(a => new
                    {
                        a.Id, a.PersonIds, a.FirstDate,
                        LastHeld = db.Sessions.Where(s => s.ArrangementId == a.Id && s.Date <= today
                            && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly)).Max(s => (DateOnly?)s.Date),
                    })
                    .ToList(),
            })
            .ToListAsync(ct);
        var lines = new List<DriftLine>();
        foreach (var child in rows)
        {
            var names = child.People.ToDictionary(p => p.Id, p => p.FullName);
            var running = child.Arrangements.Select(a => new DriftArrangement(a.Id,
                a.PersonIds.Where(names.ContainsKey).Select(id => new SignalPerson(id, names[id])).ToList(), a.FirstDate!.Value)).ToList();
            var held = child.Arrangements.Where(a => a.LastHeld is not null).ToDictionary(a => a.Id, a => a.LastHeld!.Value);
            foreach (var d in Drift.Find(today, running, held, thresholds))
            {
                var with = d.People.Count == 0 ? "someone no longer on the record" : string.Join(" and ", d.People.Select(p => p.Name));
                lines.Add(new DriftLine(child.Id, child.Name, d.ArrangementId, with, d.Days, d.Kind, Drift.Describe(d, with, today)));
            }
        }
        return lines.OrderByDescending(l => l.Days).ToList();
    }
}

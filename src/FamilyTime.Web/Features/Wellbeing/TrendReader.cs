using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Wellbeing;

public sealed record TrendView(Guid ChildId, string ChildName, DateOnly CameIntoCareOn, DateOnly Today, IReadOnlyList<PersonTrend> People);

/// <summary>Reads each person's family time since the child came into care, and records that the reader looked.</summary>
public sealed class TrendReader(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public Task<TrendView> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Sessions, child.ChildId, child.ChildId),
            c => LoadAsync(child, c), ct);
    }

    private async Task<TrendView> LoadAsync(ChildContext child, CancellationToken ct)
    {
        var today = clock.Today();
        var id = child.ChildId;
        var rows = await db.Children.AsNoTracking().AsSingleQuery().Where(c => c.Id == id)
            .Select(c => new
            {
                c.CameIntoCareOn,
                People = c.People.OrderBy(p => p.Relationship).ThenBy(p => p.FullName).Select(p => new { p.Id, p.FullName }).ToList(),
                Arrangements = db.Arrangements.Where(a => a.ChildId == c.Id).Select(a => new { a.Id, a.PersonIds }).ToList(),
                Sessions = db.Sessions.Where(s => s.ChildId == c.Id && s.Date <= today && s.Date >= c.CameIntoCareOn)
                    .Select(s => new TrendSession(s.Date, s.ArrangementId, s.Status, s.DurationMinutes)).ToList(),
            })
            .ToListAsync(ct);
        var row = rows[0];
        var trends = FamilyTimeTrend.For(row.CameIntoCareOn, today, row.People.Select(p => new SignalPerson(p.Id, p.FullName)).ToList(),
            row.Arrangements.ToDictionary(a => a.Id, a => (IReadOnlyList<Guid>)a.PersonIds), row.Sessions);
        return new TrendView(id, child.PreferredName ?? child.FirstName, row.CameIntoCareOn, today, trends);
    }
}

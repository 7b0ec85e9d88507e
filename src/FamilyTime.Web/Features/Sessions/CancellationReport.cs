using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Sessions;

/// <summary>One line of the report: who cancelled, or why we did, and how many sessions.</summary>
public sealed record CancellationCount(string What, int Sessions);

public sealed record CancellationReportView(DateOnly From, DateOnly To, int Sessions, IReadOnlyList<CancellationCount> ByWho, IReadOnlyList<CancellationCount> OurReasons);

/// <summary>
/// Who cancels family time, and why we do, over the last 12 months for the children the reader sees every session
/// of. Children say family time is stopped as a punishment: this shows whether the service's own cancellations
/// are what gets in the way. One query.
/// </summary>
public sealed class CancellationReport(FamilyTimeDbContext db, ChildAccessPolicy access, TimeProvider clock)
{
    private static readonly SessionStatus[] WhoCancels =
        [SessionStatus.CancelledByParent, SessionStatus.CancelledByCarer, SessionStatus.CancelledByAuthority, SessionStatus.ChildDeclined];

    public async Task<CancellationReportView> ForAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var to = clock.Today();
        var from = to.AddMonths(-12);
        var children = access.Reachable(user, ChildOperation.ViewAllSessions).Select(c => c.Id);
        var counts = await db.Sessions.AsNoTracking()
            .Where(s => children.Contains(s.ChildId) && s.Date >= from && s.Date <= to && WhoCancels.Contains(s.Status))
            .GroupBy(s => new { s.Status, s.CancellationReason })
            .Select(g => new { g.Key.Status, g.Key.CancellationReason, Sessions = g.Count() })
            .ToListAsync(ct);
        var byWho = WhoCancels
            .Select(status => new CancellationCount(Records.SessionWords.Describe(status), counts.Where(c => c.Status == status).Sum(c => c.Sessions)))
            .ToList();
        var ours = counts.Where(c => c.Status == SessionStatus.CancelledByAuthority).ToList();
        var reasons = ServiceCancellationReasons.All
            .Select(r => new CancellationCount(ServiceCancellationReasons.Describe(r), ours.Where(c => c.CancellationReason == r).Sum(c => c.Sessions)))
            .Append(new CancellationCount("Not coded (cancelled before reasons were coded)", ours.Where(c => c.CancellationReason is null).Sum(c => c.Sessions)))
            .Where(c => c.Sessions > 0 || !c.What.StartsWith("Not coded", StringComparison.Ordinal))
            .ToList();
        return new CancellationReportView(from, to, byWho.Sum(c => c.Sessions), byWho, reasons);
    }
}

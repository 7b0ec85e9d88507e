using FamilyTime.Data;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Travel;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>A goal or achievement as the parent reads it (the worker's words through the family guard).</summary>
public sealed record PortfolioItem(Guid Id, Guid ChildId, string ChildName, PortfolioItemKind Kind, string Title, string? Detail, DateOnly AgreedOn, DateOnly? AchievedOn);

/// <summary>A certificate in the portfolio; its file is fetched by id.</summary>
public sealed record CertificateItem(Guid Id, string Title, DateOnly? AwardedOn, DateTime AddedAt);

/// <summary>Attendance for one child's family time so far.</summary>
public sealed record ChildAttendance(Guid ChildId, string ChildName, Attendance Attendance);

public sealed record PortfolioView(IReadOnlyList<ChildAttendance> Attendance, IReadOnlyList<PortfolioItem> Goals, IReadOnlyList<PortfolioItem> Achievements,
    IReadOnlyList<CertificateItem> Certificates);

/// <summary>
/// A parent's portfolio: their family time so far counted from their own sessions, the goals and achievements agreed
/// with their worker, and their certificates. Only their own; nothing about the child's home.
/// </summary>
public sealed class PortfolioReader(FamilyTimeDbContext db, OwnSessions sessions, FamilyOutputGuard guard, TimeProvider clock)
{
    public async Task<PortfolioView> ForAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = actor.Scope;
        var uid = user.UserId;
        var today = clock.Today();
        var past = await sessions.ListAsync(user, null, today, ct);
        var attendance = past.Where(s => s.Date < today || s.Status != SessionStatus.Planned)
            .GroupBy(s => (s.ChildId, s.ChildName))
            .Select(g => new ChildAttendance(g.Key.ChildId, g.Key.ChildName, Attendance.Count(g.Select(s => s.Status))))
            .OrderBy(a => a.ChildName, StringComparer.CurrentCulture).ToList();

        var people = db.SignificantPeople.Where(p => p.PortalUserId == uid).Select(p => p.Id);
        var rows = await db.PortfolioGoals.AsNoTracking().Where(g => people.Contains(g.PersonId))
            .OrderByDescending(g => g.AchievedOn ?? g.AgreedOn).ThenBy(g => g.Title)
            .Select(g => new PortfolioItem(g.Id, g.ChildId, db.Children.Where(c => c.Id == g.ChildId).Select(c => c.PreferredName ?? c.FirstName).First(),
                g.Kind, g.Title, g.Detail, g.AgreedOn, g.AchievedOn))
            .ToListAsync(ct);
        var places = rows.Count == 0 ? [] : await guard.PublicPlacesAsync(ct);
        var items = new List<PortfolioItem>(rows.Count);
        foreach (var row in rows)
        {
            // Written by staff: through the family guard like every other output to a family.
            var home = await guard.ForChildAsync(row.ChildId, ct);
            items.Add(row with { Title = home.Redact(row.Title, places)!, Detail = home.Redact(row.Detail, places) });
        }
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.OwnerUserId == uid)
            .OrderByDescending(c => c.AwardedOn ?? DateOnly.FromDateTime(c.AddedAt)).ThenBy(c => c.Title)
            .Select(c => new CertificateItem(c.Id, c.Title, c.AwardedOn, c.AddedAt))
            .ToListAsync(ct);
        return new PortfolioView(attendance,
            items.Where(i => i.Kind == PortfolioItemKind.Goal && i.AchievedOn is null).ToList(),
            items.Where(i => i.Kind == PortfolioItemKind.Achievement || i.AchievedOn is not null).ToList(),
            certificates);
    }
}

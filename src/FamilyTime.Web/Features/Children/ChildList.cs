using FamilyTime.Data;
using System.Text.Json;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

public sealed record ChildRow(
    Guid Id,
    string FirstName,
    string LastName,
    string? PreferredName,
    DateOnly DateOfBirth,
    LegalStatus LegalStatus,
    bool InCareProceedings,
    string SocialWorker,
    string FamilyTimeName,
    bool HasPlan,
    bool PlanAgreed,
    DateOnly? PlanReviewOn,
    DateOnly? SuspendedSince,
    DateOnly CameIntoCareOn)
{
    /// <summary>In care without an agreed plan: due for the service's grace after coming into care, then overdue (set by <see cref="ChildList"/>).</summary>
    public PlanDueState PlanDue { get; init; }
    public DateOnly? PlanDueBy { get; init; }
    public bool PlanOverdue => PlanDue == PlanDueState.Overdue;
}

public sealed record ChildPage(IReadOnlyList<ChildRow> Rows, int Total, int Page, int PageSize);

/// <summary>"My children": the children a user reaches, found in the database, one page at a time.</summary>
public sealed class ChildList(FamilyTimeDbContext db, ChildAccessPolicy access, PlanSettings plans, BankHolidays holidays, TimeProvider clock, AuditedSave audit)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// A page of the list as it is shown to someone, read and audited in one transaction: one entry naming every
    /// child on the page (the list shows names, dates of birth and legal status, so it is a look at each of them).
    /// </summary>
    public Task<ChildPage> ShowAsync(Actor actor, string? search, int page, int pageSize, CancellationToken ct, bool onlyOverdue = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return audit.ViewAsync(actor.UserId, actor.UserName,
            c => ListAsync(actor.Scope, search, page, pageSize, c, onlyOverdue),
            shown => [new AuditNote(AuditAction.View, AuditRecord.ChildList, Guid.Empty, null, Shown(shown.Rows.Select(r => r.Id)))], ct);
    }

    /// <summary>The children a list showed, as the entry's JSON: {"Children":[ids in the order shown]}.</summary>
    public static string Shown(IEnumerable<Guid> children) => JsonSerializer.Serialize(new { Children = children });

    /// <summary>The list unaudited, for counts that show no child (the overdue count) and for callers that audit it themselves.</summary>

    public async Task<ChildPage> ListAsync(UserScope user, string? search, int page, int pageSize, CancellationToken ct, bool onlyOverdue = false, ChildOperation operation = ChildOperation.ViewChild)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 1);
        var query = access.Reachable(user, operation).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Every word typed must match one of the names, so "Tessie Smith" finds Tessie Smith as "Tessie" or
            // "Smith" alone does (a user types the full name they know).
            foreach (var word in search.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
            {
                query = query.Where(c => c.FirstName.ToLower().Contains(word) || c.LastName.ToLower().Contains(word)
                    || (c.PreferredName != null && c.PreferredName.ToLower().Contains(word)));
            }
        }
        if (onlyOverdue)
        {
            LegalStatus[] inCare = [LegalStatus.InterimCareOrder, LegalStatus.CareOrder, LegalStatus.Section20, LegalStatus.PlacementOrder];
            var overdueIfCameBy = PlanDue.OverdueIfCameIntoCareOnOrBefore(clock.Today(), plans.DueGraceWorkingDays, holidays);
            query = query.Where(c => inCare.Contains(c.LegalStatus) && c.CameIntoCareOn <= overdueIfCameBy && !db.ContactPlans.Any(p => p.ChildId == c.Id && p.AgreedVersion > 0));
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ChildRow(
                c.Id, c.FirstName, c.LastName, c.PreferredName, c.DateOfBirth, c.LegalStatus, c.InCareProceedings,
                db.Users.Where(u => u.Id == c.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                c.FamilyTimeName,
                db.ContactPlans.Any(p => p.ChildId == c.Id),
                db.ContactPlans.Any(p => p.ChildId == c.Id && p.AgreedVersion > 0),
                db.ContactPlans.Where(p => p.ChildId == c.Id).Select(p => (DateOnly?)p.NextReviewOn).FirstOrDefault(),
                // The oldest open suspension: its clock shows on the list, as everywhere the child appears.
                db.Suspensions.Where(x => x.ChildId == c.Id && x.ResumedOn == null && x.ApplicationMadeOn == null)
                    .OrderBy(x => x.StartedOn).Select(x => (DateOnly?)x.StartedOn).FirstOrDefault(),
                c.CameIntoCareOn))
            .ToListAsync(ct);
        var today = clock.Today();
        rows = rows.Select(r => r with
        {
            PlanDue = PlanDue.StateOn(r.LegalStatus, r.PlanAgreed, r.CameIntoCareOn, today, plans.DueGraceWorkingDays, holidays),
            PlanDueBy = PlanDue.DueBy(r.CameIntoCareOn, plans.DueGraceWorkingDays, holidays),
        }).ToList();
        return new ChildPage(rows, total, page, pageSize);
    }
}

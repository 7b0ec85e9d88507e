using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

public sealed record HomeView(PlacementKind Kind, string Name, string? Address, DateOnly Since, bool IsLongTerm);

public sealed record LegalStatusView(LegalStatus Status, DateOnly StartDate);

/// <summary>A significant person. Contact details are filled only for those who hold the case.</summary>
public sealed record PersonView(
    Guid Id,
    string FullName,
    Relationship Relationship,
    bool HasParentalResponsibility,
    bool ChildPlacedWithThem,
    string? Address,
    string? Phone,
    string? Email,
    string? SpokenLanguage,
    bool NeedsInterpreter,
    Guid? SiblingChildId,
    int Version);

/// <summary>
/// One child's record as the reader may see it: <see cref="Access"/> says how much, and what is out of the
/// reader's reach is left empty rather than hidden in the page.
/// </summary>
public sealed record ChildView(
    Guid Id,
    ChildAccess Access,
    bool CanEdit,
    string FirstName,
    string LastName,
    string? PreferredName,
    DateOnly DateOfBirth,
    string? Gender,
    string? Ethnicity,
    string? FirstLanguage,
    string FamilyTimeName,
    LegalStatus? LegalStatus,
    DateOnly? LegalStatusSince,
    bool? InCareProceedings,
    DateOnly? CameIntoCareOn,
    string? SocialWorker,
    string? Iro,
    string? Team,
    HomeView? Home,
    IReadOnlyList<LegalStatusView> LegalStatusHistory,
    IReadOnlyList<PersonView> People,
    int Version);

/// <summary>Reads one child's record for a user, and records that they looked.</summary>
public sealed class ChildRecord(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit)
{
    public async Task<ChildView?> ViewAsync(UserScope user, string userName, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(user, childId, ct);
        if (level == ChildAccess.None)
        {
            return null;
        }
        var view = await LoadAsync(childId, level, canEdit, ct);
        if (view is not null)
        {
            await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.View, AuditRecord.Child, childId, childId), ct);
        }
        return view;
    }

    private async Task<ChildView?> LoadAsync(Guid childId, ChildAccess level, bool canEdit, CancellationToken ct)
    {
        var c = await db.Children.AsNoTracking().Where(x => x.Id == childId)
            .Select(x => new
            {
                Child = x,
                SocialWorker = db.Users.Where(u => u.Id == x.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                Iro = db.Users.Where(u => u.Id == x.IroId).Select(u => u.DisplayName).FirstOrDefault(),
                Team = db.Teams.Where(t => t.Id == x.TeamId).Select(t => t.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var child = c.Child;
        var isCase = level == ChildAccess.Case;
        var seesHome = level >= ChildAccess.Support;

        HomeView? home = null;
        IReadOnlyList<LegalStatusView> history = [];
        IReadOnlyList<PersonView> people = [];
        if (seesHome)
        {
            home = await db.Placements.AsNoTracking()
                .Where(p => p.ChildId == childId && p.EndDate == null)
                .Select(p => new HomeView(
                    p.Kind,
                    p.ResidentialHomeName ?? db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => h.Name).FirstOrDefault() ?? "",
                    db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => h.Address + ", " + h.Postcode).FirstOrDefault(),
                    p.StartDate,
                    p.IsLongTerm))
                .FirstOrDefaultAsync(ct);
            people = (await db.SignificantPeople.AsNoTracking()
                .Where(p => p.ChildId == childId)
                .OrderBy(p => p.Relationship).ThenBy(p => p.FullName)
                .ToListAsync(ct))
                .Select(p => new PersonView(
                    p.Id, p.FullName, p.Relationship, p.HasParentalResponsibility, p.ChildPlacedWithThem,
                    isCase ? p.Address : null, isCase ? p.Phone : null, isCase ? p.Email : null,
                    p.SpokenLanguage, p.NeedsInterpreter, p.SiblingChildId, p.Version))
                .ToList();
        }
        if (isCase)
        {
            history = await db.LegalStatusPeriods.AsNoTracking()
                .Where(l => l.ChildId == childId)
                .OrderByDescending(l => l.StartDate)
                .Select(l => new LegalStatusView(l.Status, l.StartDate))
                .ToListAsync(ct);
        }

        return new ChildView(
            child.Id, level, canEdit, child.FirstName, child.LastName, child.PreferredName,
            child.DateOfBirth,
            seesHome ? child.Gender : null,
            isCase ? child.Ethnicity : null,
            child.FirstLanguage,
            child.FamilyTimeName,
            isCase ? child.LegalStatus : null,
            isCase ? child.LegalStatusSince : null,
            isCase ? child.InCareProceedings : null,
            isCase ? child.CameIntoCareOn : null,
            c.SocialWorker, isCase ? c.Iro : null, c.Team,
            home, history, people, child.Version);
    }
}

using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Suspensions;
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
/// One child's record as the reader may see it: what is out of the reader's reach (the case, the home) is left
/// empty rather than hidden in the page, and the flags say what the reader may do with it.
/// </summary>
public sealed record ChildView(
    Guid Id,
    bool SeesCase,
    bool SeesHome,
    bool CanEdit,
    bool CanReadAudit,
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

/// <summary>
/// The child's page: the record, and for those who hold the case whether a plan is agreed (null when the authority
/// does not arrange family time) and the running suspensions, whose clock shows wherever the child appears.
/// </summary>
public sealed record ChildRecordPage(ChildView Child, bool? PlanAgreed, IReadOnlyList<SuspensionView> Suspended);

/// <summary>Reads one child's record for a user, in one query, and records that they looked.</summary>
public sealed class ChildRecord(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    /// <summary>The record as the API gives it.</summary>
    public async Task<ChildView> ViewAsync(ChildContext child, CancellationToken ct) =>
        (await ReadAsync(child, withCase: false, ct)).Child;

    /// <summary>The record with what the child's page shows beside it.</summary>
    public Task<ChildRecordPage> OpenAsync(ChildContext child, CancellationToken ct) => ReadAsync(child, withCase: true, ct);

    /// <summary>The read and its audit entry in one transaction: the entry stands for exactly what was shown.</summary>
    private Task<ChildRecordPage> ReadAsync(ChildContext child, bool withCase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Child, child.ChildId, child.ChildId),
            c => LoadAsync(child, withCase, c), ct);
    }

    private async Task<ChildRecordPage> LoadAsync(ChildContext child, bool withCase, CancellationToken ct)
    {
        var id = child.ChildId;
        var seesCase = child.Can(ChildOperation.ViewCase);
        var seesHome = child.Can(ChildOperation.ViewHome);
        // One round trip: the name, legal status and team are already in the context; the rest (a handful of rows
        // each) comes in a single query rather than one per part of the page. What the reader may not see is read
        // and dropped below rather than left out of the SQL, so the query keeps one shape whoever asks.
        var rows = await db.Children.AsNoTracking().AsSingleQuery()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Gender, x.Ethnicity, x.FirstLanguage, x.LegalStatusSince, x.CameIntoCareOn, x.Version,
                SocialWorker = db.Users.Where(u => u.Id == x.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                Iro = db.Users.Where(u => u.Id == x.IroId).Select(u => u.DisplayName).FirstOrDefault(),
                Team = db.Teams.Where(t => t.Id == x.TeamId).Select(t => t.Name).FirstOrDefault(),
                // The address and postcode are encrypted columns (SensitiveFields): read each, joined below, never in SQL.
                Home = x.Placements.Where(p => p.EndDate == null)
                    .Select(p => new
                    {
                        p.Kind,
                        Name = p.ResidentialHomeName ?? db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => h.Name).FirstOrDefault() ?? "",
                        Household = db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => new { h.Address, h.Postcode }).FirstOrDefault(),
                        p.StartDate,
                        p.IsLongTerm,
                    })
                    .ToList(),
                People = x.People
                    .OrderBy(p => p.Relationship).ThenBy(p => p.FullName)
                    .Select(p => new
                    {
                        p.Id, p.FullName, p.Relationship, p.HasParentalResponsibility, p.ChildPlacedWithThem, p.Address, p.Phone, p.Email,
                        p.SpokenLanguage, p.NeedsInterpreter, p.SiblingChildId, p.Version,
                    })
                    .ToList(),
                History = db.LegalStatusPeriods.Where(l => l.ChildId == x.Id)
                    .OrderByDescending(l => l.StartDate)
                    .Select(l => new LegalStatusView(l.Status, l.StartDate)).ToList(),
                PlanAgreed = db.ContactPlans.Any(p => p.ChildId == x.Id && p.AgreedVersion > 0),
                Suspended = db.Suspensions.Where(s => s.ChildId == x.Id && s.ResumedOn == null && s.ApplicationMadeOn == null).ToList(),
                SuspendedWith = db.Arrangements
                    .Where(a => a.ChildId == x.Id && db.Suspensions.Any(s => s.ArrangementId == a.Id && s.ResumedOn == null && s.ApplicationMadeOn == null))
                    .Select(a => new { a.Id, a.PersonIds }).ToList(),
            })
            // A list, not FirstAsync: the id is unique, and LIMIT on the outer query would make SQLite need APPLY for the lists inside.
            .ToListAsync(ct);
        var row = rows[0];

        var people = row.People.Where(_ => seesHome)
            .Select(p => new PersonView(
                p.Id, p.FullName, p.Relationship, p.HasParentalResponsibility, p.ChildPlacedWithThem,
                seesCase ? p.Address : null, seesCase ? p.Phone : null, seesCase ? p.Email : null,
                p.SpokenLanguage, p.NeedsInterpreter, p.SiblingChildId, p.Version))
            .ToList();
        var view = new ChildView(
            id, seesCase, seesHome, child.Can(ChildOperation.EditChild), child.Can(ChildOperation.ReadAudit),
            child.FirstName, child.LastName, child.PreferredName, child.DateOfBirth,
            seesHome ? row.Gender : null,
            seesCase ? row.Ethnicity : null,
            row.FirstLanguage,
            child.FamilyTimeName,
            seesCase ? child.LegalStatus : null,
            seesCase ? row.LegalStatusSince : null,
            seesCase ? child.InCareProceedings : null,
            seesCase ? row.CameIntoCareOn : null,
            row.SocialWorker, seesCase ? row.Iro : null, row.Team,
            seesHome && row.Home.FirstOrDefault() is { } home
                ? new HomeView(home.Kind, home.Name, home.Household is null ? null : home.Household.Address + ", " + home.Household.Postcode, home.StartDate, home.IsLongTerm)
                : null,
            seesCase ? row.History : [],
            people,
            row.Version);

        var pageCase = withCase && seesCase;
        var planAgreed = pageCase && LegalStatusRules.AuthorityArrangesFamilyTime(child.LegalStatus) ? row.PlanAgreed : (bool?)null;
        return new ChildRecordPage(view, planAgreed, !pageCase ? [] : Suspended(row.Suspended, child.LegalStatus, row.SuspendedWith.ToDictionary(a => a.Id, a => (IReadOnlyList<Guid>)a.PersonIds), row.People.ToDictionary(p => p.Id, p => p.FullName)));
    }

    /// <summary>The running suspensions, oldest first, each named by who the family time is with (as the suspension pages name them).</summary>
    private IReadOnlyList<SuspensionView> Suspended(
        IReadOnlyList<Domain.Suspensions.Suspension> open, LegalStatus legalStatus, Dictionary<Guid, IReadOnlyList<Guid>> arrangements, Dictionary<Guid, string> people)
    {
        if (open.Count == 0)
        {
            return [];
        }
        var today = clock.Today();
        var names = arrangements.ToDictionary(a => a.Key, a => Changes.ArrangementNames.Join(a.Value, people));
        return open.OrderBy(s => s.StartedOn).Select(s => SuspensionView.Of(s, names, today, legalStatus)).ToList();
    }
}

using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Organisation;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Teams;

public sealed record TeamView(Guid Id, string Name, Guid AreaId, int Staff);

public sealed record AreaView(Guid Id, string Name, IReadOnlyList<TeamView> Teams, int Venues, int Staff);

public sealed record OrganisationAdded(Guid Id, string Name);

/// <summary>
/// The service's areas and the social work teams in each (DOMAIN.md "Roles": a social worker sees the children allocated
/// to their team; a coordinator plans an area's week). An administrator adds them; each addition is audited. Names are
/// unique (an area among areas, a team among all teams), whatever their letter case, so a list never shows two the same.
/// </summary>
public sealed class Organisation(FamilyTimeDbContext db, AuditedSave audit)
{
    public const string NameField = "Name";
    public const string AreaField = "AreaId";

    public async Task<IReadOnlyList<AreaView>> ListAsync(CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var teamStaff = await db.Users.Where(u => u.TeamId != null).GroupBy(u => u.TeamId).Select(g => new { Team = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Team, x => x.Count, ct);
        var areaStaff = await db.Users.Where(u => u.AreaId != null).GroupBy(u => u.AreaId).Select(g => new { Area = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count, ct);
        var venues = await db.Venues.GroupBy(v => v.AreaId).Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count, ct);
        return [.. areas.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => new AreaView(a.Id, a.Name,
            [.. teams.Where(t => t.AreaId == a.Id).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => new TeamView(t.Id, t.Name, t.AreaId, teamStaff.GetValueOrDefault(t.Id)))],
            venues.GetValueOrDefault(a.Id), areaStaff.GetValueOrDefault(a.Id)))];
    }

    public async Task<Outcome<OrganisationAdded>> AddAreaAsync(Actor actor, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Scope.Is(Roles.Administrator))
        {
            return Outcome<OrganisationAdded>.Forbidden("Only an administrator can add areas.");
        }
        var clean = Text.Clean(name);
        var errors = NameErrors(clean, "area");
        if (errors.IsValid && (await db.Areas.Select(a => a.Name).ToListAsync(ct)).Contains(clean!, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(NameField, $"There is already an area called {clean}");
        }
        if (!errors.IsValid)
        {
            return Outcome<OrganisationAdded>.Invalid(errors);
        }
        var area = new Area(clean!);
        db.Areas.Add(area);
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Create, AuditRecord.Organisation, area.Id, null, JsonSerializer.Serialize(new { area = area.Name }))],
            new OrganisationAdded(area.Id, area.Name), ct);
    }

    public async Task<Outcome<OrganisationAdded>> AddTeamAsync(Actor actor, string? name, Guid? areaId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Scope.Is(Roles.Administrator))
        {
            return Outcome<OrganisationAdded>.Forbidden("Only an administrator can add teams.");
        }
        var clean = Text.Clean(name);
        var errors = NameErrors(clean, "team");
        if (errors.IsValid && (await db.Teams.Select(t => t.Name).ToListAsync(ct)).Contains(clean!, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(NameField, $"There is already a team called {clean}");
        }
        if (areaId is not { } area || !await db.Areas.AnyAsync(a => a.Id == area, ct))
        {
            errors.Add(AreaField, "Choose the area the team works in");
        }
        if (!errors.IsValid)
        {
            return Outcome<OrganisationAdded>.Invalid(errors);
        }
        var team = new Team(clean!, areaId!.Value);
        db.Teams.Add(team);
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Create, AuditRecord.Organisation, team.Id, null, JsonSerializer.Serialize(new { team = team.Name, area = team.AreaId }))],
            new OrganisationAdded(team.Id, team.Name), ct);
    }

    private static ValidationErrors NameErrors(string? name, string what)
    {
        var errors = new ValidationErrors();
        errors.Required(NameField, name, $"Enter the {what}'s name");
        errors.MaxLength(NameField, name, 100, $"The {what}'s name");
        return errors;
    }
}

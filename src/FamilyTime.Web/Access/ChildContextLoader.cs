using System.Security.Claims;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Access;

/// <summary>
/// Loads a <see cref="ChildContext"/> in one SQL command and keeps it for the rest of the request, so the route
/// filter, the handler and anything they call share one read of the child and of the user's relationship to it.
/// </summary>
public sealed class ChildContextLoader(FamilyTimeDbContext db)
{
    /// <summary>The route value every child route names its child by.</summary>
    public const string RouteKey = "id";

    private readonly Dictionary<(string, Guid), ChildContext?> _loaded = [];

    /// <summary>The child the route names, for the signed-in user; null when the route names none or it does not exist.</summary>
    public async Task<ChildContext?> ForRouteAsync(HttpContext http)
    {
        if (http.GetRouteValue(RouteKey) is not { } value || !Guid.TryParse(value.ToString(), out var childId))
        {
            return null;
        }
        return await LoadAsync(http.User.Actor(), childId, http.RequestAborted);
    }

    public async Task<ChildContext?> LoadAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_loaded.TryGetValue((actor.UserId, childId), out var known))
        {
            return known;
        }
        var uid = actor.UserId;
        var row = await db.Children.AsNoTracking()
            .Where(c => c.Id == childId)
            .Select(c => new
            {
                c.FirstName, c.PreferredName, c.LastName, c.FamilyTimeName, c.DateOfBirth, c.LegalStatus, c.InCareProceedings,
                c.SocialWorkerId, c.TeamId, c.IroId, c.YoungPersonUserId,
                AreaId = db.Teams.Where(t => t.Id == c.TeamId).Select(t => t.AreaId).FirstOrDefault(),
                Household = c.Placements.Where(p => p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault(),
                // Only whether this user supervises or is family: the whole lists are not needed to decide.
                Supervises = db.SupervisorAssignments.Any(a => a.ChildId == c.Id && a.UserId == uid),
                Family = c.People.Any(p => p.PortalUserId == uid),
            })
            .FirstOrDefaultAsync(ct);
        ChildContext? context = null;
        if (row is not null)
        {
            var facts = new ChildFacts(row.SocialWorkerId, row.TeamId, row.AreaId, row.IroId, row.Household,
                row.Supervises ? [uid] : [], row.Family ? [uid] : [], row.YoungPersonUserId);
            context = new ChildContext(childId, actor, ChildAccessRules.RelationshipsFor(actor.Scope, facts),
                row.FirstName, row.PreferredName, row.LastName, row.FamilyTimeName, row.DateOfBirth, row.LegalStatus, row.InCareProceedings,
                row.SocialWorkerId, row.TeamId, row.IroId, row.Household);
        }
        _loaded[(actor.UserId, childId)] = context;
        return context;
    }

    /// <summary>What the route may do for this user: the table's decision, or not found when the child does not exist.</summary>
    public static AccessDecision Decide(ChildContext? child, ChildOperation operation, ClaimsPrincipal user) =>
        child is null
            ? AccessDecision.NotFound
            : ChildAccessRules.Decide(operation, child.Relationships, user.Scope().IsPortalUser);
}

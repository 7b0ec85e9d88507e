using System.Linq.Expressions;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Access;

/// <summary>
/// The one place that decides whether a user reaches a child: every page and API endpoint asks here.
/// Single records are checked with <see cref="ChildAccessRules"/>; lists are filtered in the database by
/// <see cref="Reachable"/>, which states the same rules as a query (a test holds the two together).
/// </summary>
public sealed class ChildAccessPolicy(FamilyTimeDbContext db)
{
    public async Task<(ChildAccess Level, bool CanEdit)> CheckAsync(UserScope user, Guid childId, CancellationToken ct)
    {
        var facts = await db.Children.AsNoTracking()
            .Where(c => c.Id == childId)
            .Select(c => new
            {
                c.SocialWorkerId,
                c.TeamId,
                AreaId = db.Teams.Where(t => t.Id == c.TeamId).Select(t => t.AreaId).First(),
                c.IroId,
                Household = c.Placements.Where(p => p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault(),
                Supervisors = db.SupervisorAssignments.Where(a => a.ChildId == c.Id).Select(a => a.UserId).ToList(),
                Family = c.People.Where(p => p.PortalUserId != null).Select(p => p.PortalUserId!).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return (ChildAccess.None, false);
        }
        var childFacts = new ChildFacts(facts.SocialWorkerId, facts.TeamId, facts.AreaId, facts.IroId, facts.Household, facts.Supervisors, facts.Family);
        return (ChildAccessRules.LevelFor(user, childFacts), ChildAccessRules.CanEdit(user, childFacts));
    }

    /// <summary>The children a user reaches at <paramref name="minimum"/> or more, as a database filter.</summary>
    public IQueryable<Child> Reachable(UserScope user, ChildAccess minimum = ChildAccess.Family)
    {
        Expression<Func<Child, bool>>? filter = null;
        void Or(Expression<Func<Child, bool>> more) => filter = filter is null ? more : OrElse(filter, more);
        var uid = user.UserId;

        if (user.Is(Roles.HeadOfService))
        {
            return db.Children;
        }
        if (user.Is(Roles.SocialWorker))
        {
            Or(c => c.SocialWorkerId == uid);
        }
        if (user.Is(Roles.TeamManager) && user.TeamId is { } team)
        {
            Or(c => c.TeamId == team);
        }
        if (user.Is(Roles.Iro))
        {
            Or(c => c.IroId == uid);
        }
        if (minimum <= ChildAccess.Support)
        {
            if (user.Is(Roles.Carer) && user.CarerHouseholdId is { } household)
            {
                Or(c => c.Placements.Any(p => p.EndDate == null && p.CarerHouseholdId == household));
            }
            if (user.Is(Roles.ContactWorker))
            {
                Or(c => db.SupervisorAssignments.Any(a => a.ChildId == c.Id && a.UserId == uid));
            }
            if (user.Is(Roles.ContactCoordinator) && user.AreaId is { } area)
            {
                Or(c => db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == area));
            }
        }
        if (minimum <= ChildAccess.Family && user.Is(Roles.Parent))
        {
            Or(c => c.People.Any(p => p.PortalUserId == uid));
        }
        return filter is null ? db.Children.Where(_ => false) : db.Children.Where(filter);
    }

    private static Expression<Func<Child, bool>> OrElse(Expression<Func<Child, bool>> a, Expression<Func<Child, bool>> b)
    {
        var p = a.Parameters[0];
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<Child, bool>>(Expression.OrElse(a.Body, right), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

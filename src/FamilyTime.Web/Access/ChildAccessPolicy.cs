using System.Linq.Expressions;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Access;

/// <summary>
/// Lists of children: the rules of <see cref="ChildAccessRules"/> and <see cref="ChildOperations"/> as a database
/// filter. Single children are reached through <see cref="ChildContextLoader"/>.
/// </summary>
public sealed class ChildAccessPolicy(FamilyTimeDbContext db)
{
    /// <summary>
    /// The children for which the user may do <paramref name="operation"/>, as a database filter: the same
    /// relationships as <see cref="ChildAccessRules.RelationshipsFor"/>, written as a query (a test holds the two together).
    /// </summary>
    public IQueryable<Child> Reachable(UserScope user, ChildOperation operation)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = ChildOperations.RuleFor(operation).AllowedTo;
        bool May(ChildRelationship r) => (allowed & r) != 0;
        Expression<Func<Child, bool>>? filter = null;
        void Or(Expression<Func<Child, bool>> more) => filter = filter is null ? more : OrElse(filter, more);
        var uid = user.UserId;

        if (user.Is(Roles.HeadOfService) && May(ChildRelationship.HeadOfService))
        {
            return db.Children;
        }
        if (user.Is(Roles.SocialWorker) && May(ChildRelationship.AllocatedSocialWorker))
        {
            Or(c => c.SocialWorkerId == uid);
        }
        if (user.Is(Roles.TeamManager) && user.TeamId is { } team && May(ChildRelationship.TeamManager))
        {
            Or(c => c.TeamId == team);
        }
        if (user.Is(Roles.Iro) && May(ChildRelationship.ChildsIro))
        {
            Or(c => c.IroId == uid);
        }
        if (user.Is(Roles.Carer) && user.CarerHouseholdId is { } household && May(ChildRelationship.Carer))
        {
            Or(c => c.Placements.Any(p => p.EndDate == null && p.CarerHouseholdId == household));
        }
        if (user.Is(Roles.ContactWorker) && May(ChildRelationship.Supervisor))
        {
            Or(c => db.SupervisorAssignments.Any(a => a.ChildId == c.Id && a.UserId == uid));
        }
        if (user.Is(Roles.ContactCoordinator) && user.AreaId is { } area && May(ChildRelationship.AreaCoordinator))
        {
            Or(c => db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == area));
        }
        if (user.Is(Roles.Parent) && May(ChildRelationship.Family))
        {
            Or(c => c.People.Any(p => p.PortalUserId == uid));
        }
        if (user.Is(Roles.YoungPerson) && May(ChildRelationship.Self))
        {
            Or(c => c.YoungPersonUserId == uid);
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

using FamilyTime.Domain.Access;

namespace FamilyTime.Web.Access;

/// <summary>
/// What every page and API route must declare: which child operation it performs, or that it is for staff, for the
/// portal or for anyone signed in (or, with ASP.NET's own [AllowAnonymous], for anyone). A route that declares
/// nothing answers 404 (<see cref="RouteRuleMiddleware"/>), and a test fails on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public abstract class RouteRuleAttribute : Attribute;

/// <summary>A route under /Children/{id}, /Portal/Children/{id}, /api/v1/children/{id} or /api/v1/portal/children/{id}: the operation it performs on that child.</summary>
public sealed class ForChildAttribute(ChildOperation operation) : RouteRuleAttribute
{
    public ChildOperation Operation { get; } = operation;
}

/// <summary>A staff route: portal users (parents, carers) are answered 404; staff without one of <see cref="Roles"/>, 403.</summary>
public sealed class StaffOnlyAttribute(params string[] roles) : RouteRuleAttribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>A portal route, for parents, family members and carers; staff are answered 404.</summary>
public sealed class PortalOnlyAttribute : RouteRuleAttribute;

/// <summary>Any signed-in user: their own account, their own calendar address, the front door.</summary>
public sealed class AnyoneSignedInAttribute : RouteRuleAttribute;

public static class RouteRuleEndpoints
{
    public static TBuilder ForChild<TBuilder>(this TBuilder builder, ChildOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ForChildAttribute(operation));

    public static TBuilder StaffOnly<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StaffOnlyAttribute(roles));

    public static TBuilder PortalOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PortalOnlyAttribute());

    public static TBuilder AnyoneSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnyoneSignedInAttribute());
}

using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;

namespace FamilyTime.Web.Access;

/// <summary>
/// One child as the current request reaches it: loaded once, in one query, by <see cref="ChildContextLoader"/>
/// before any handler runs, with how the user stands to the child. Handlers ask <see cref="Can"/>; none compares roles.
/// </summary>
public sealed record ChildContext(
    Guid ChildId,
    Actor Actor,
    ChildRelationship Relationships,
    string FirstName,
    string? PreferredName,
    string LastName,
    string FamilyTimeName,
    DateOnly DateOfBirth,
    LegalStatus LegalStatus,
    bool InCareProceedings,
    string SocialWorkerId,
    Guid TeamId,
    string? IroId,
    Guid? CurrentCarerHouseholdId)
{
    public bool InReach => Relationships != ChildRelationship.None;

    public bool Can(ChildOperation operation) => ChildOperations.Allows(operation, Relationships);

    /// <summary>The name the child goes by, then their last name: "Ava Smith".</summary>
    public string Name => $"{PreferredName ?? FirstName} {LastName}";

    public UserScope User => Actor.Scope;

    /// <summary>Lets an API handler take the context as a parameter: the loader has it cached for the request.</summary>
    public static async ValueTask<ChildContext?> BindAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<ChildContextLoader>().ForRouteAsync(http);
}

namespace FamilyTime.Web.Features.Inbox;

/// <summary>
/// The inbox's one call into the suspensions feature: the running suspensions of the user's children, with their
/// clocks. Kept here alone so a change on the suspensions side is a change of one line.
/// </summary>
public sealed class InboxSuspensions(Suspensions.OpenSuspensions suspensions)
{
    public Task<IReadOnlyList<Suspensions.SuspensionView>> OpenAsync(IReadOnlyCollection<Guid> childIds, CancellationToken ct) =>
        suspensions.OpenAsync(childIds, ct);
}

namespace FamilyTime.Domain.Records;

/// <summary>
/// Who the feedback is about and who could act on it: the child's social worker and team managers (when it is about
/// a child's session), and the family time coordinators of the venue's area. Lists are in a stable order, so the
/// same feedback always reaches the same person.
/// </summary>
public sealed record FeedbackPeople(
    string? SocialWorkerId,
    IReadOnlyList<string> TeamManagerIds,
    IReadOnlyList<string> AreaCoordinatorIds);

/// <summary>
/// Sends feedback to the person who should act on it (DOMAIN.md "Sessions and recording"): a complaint about a
/// child's family time to the team manager, who answers complaints, or the social worker when the team has none;
/// a comment or compliment to the child's social worker, who knows the child; a concern about a venue's standards
/// to the coordinator who runs that area's venues. Feedback about a venue alone, with no child, goes to the
/// coordinator too. Null when nobody holds that job: the feedback is still kept and shown on the venue.
/// </summary>
public static class FeedbackRouting
{
    public static string? RouteTo(FeedbackKind kind, bool aboutAChild, FeedbackPeople people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var coordinator = people.AreaCoordinatorIds.Count > 0 ? people.AreaCoordinatorIds[0] : null;
        if (kind == FeedbackKind.VenueConcern || !aboutAChild)
        {
            return coordinator;
        }
        return kind switch
        {
            FeedbackKind.Complaint => people.TeamManagerIds.Count > 0 ? people.TeamManagerIds[0] : people.SocialWorkerId,
            FeedbackKind.Comment or FeedbackKind.Compliment => people.SocialWorkerId,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of feedback."),
        };
    }

    /// <summary>Who it came from, by the giver's role: a member of staff may write down the child's own words; a young person speaks for themself.</summary>
    public static FeedbackFrom FromRole(bool isParent, bool isCarer, bool childsOwnWords, bool isYoungPerson = false) =>
        isParent ? FeedbackFrom.Parent
        : isCarer ? FeedbackFrom.Carer
        : childsOwnWords || isYoungPerson ? FeedbackFrom.Child
        : FeedbackFrom.Staff;
}

namespace FamilyTime.Domain.Records;

/// <summary>Where one piece of feedback has got to: nobody has read it yet, its receiver has read it, or it is answered.</summary>
public enum FeedbackState
{
    New = 1,
    Read = 2,
    Answered = 3,
}

/// <summary>How the answer reached the person who gave the feedback. The words are kept whichever way it went.</summary>
public enum FeedbackAnswerWay
{
    /// <summary>Written here: the giver reads it in the portal.</summary>
    InWriting = 1,
    ByPhone = 2,
    InPerson = 3,

    /// <summary>A complaint taken into the council's complaints procedure, which answers it in its own way and time.</summary>
    ComplaintsProcedure = 4,
}

/// <summary>
/// Who may mark feedback read or answer it: the person it was sent to, while it is still theirs to see (a child
/// they still reach); for feedback about a child, the child's team manager (<see cref="Access.ChildOperation.AnswerFeedback"/>),
/// who manages the social workers it goes to and answers complaints; for feedback about a venue alone, an administrator,
/// who runs the venues (and so answers what arrives where no coordinator covers the area).
/// </summary>
public static class FeedbackResponders
{
    /// <param name="relationships">How the user stands to the feedback's child; ignored when it is about no child.</param>
    public static bool MayRespond(string userId, string? routedToUserId, Guid? childId, Access.ChildRelationship relationships, bool isAdministrator)
    {
        if (childId is null)
        {
            return userId == routedToUserId || isAdministrator;
        }
        return (userId == routedToUserId && Access.ChildOperations.Allows(Access.ChildOperation.GiveFeedback, relationships))
            || Access.ChildOperations.Allows(Access.ChildOperation.AnswerFeedback, relationships);
    }
}

using System.Globalization;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>
/// The keys of review tasks. One task per review and due date (a moved date is a new review); every task of one
/// review, or of one child's Independent Visitor question, starts with the same prefix so recording it closes them all.
/// </summary>
public static class ReviewTaskKeys
{
    /// <summary>Every task for reviewing an arrangement, or the whole plan (by the plan's id).</summary>
    public static string Review(Guid reviewed) => $"review:{reviewed}:";

    public static string ReviewDue(Guid reviewed, DateOnly dueOn) => Review(reviewed) + Day(dueOn);

    public static string IndependentVisitor(Guid childId) => $"iv:{childId}:";

    public static string IndependentVisitorDue(Guid childId, DateOnly dueSince) => IndependentVisitor(childId) + Day(dueSince);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

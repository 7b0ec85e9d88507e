namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// The addresses of a child's pages, in one place: tasks, e-mails and redirects link here, so a page that moves
/// moves its links with it. Each matches a page's @page route.
/// </summary>
public static class ChildLinks
{
    public static string Child(Guid childId) => $"/Children/{childId}";
    public static string People(Guid childId) => $"/Children/{childId}#people";
    public static string Plan(Guid childId) => $"/Children/{childId}/Plan";
    public static string Considered(Guid childId) => $"/Children/{childId}/Plan#considered";
    public static string Letter(Guid childId, Guid arrangementId, Guid personId) => $"/Children/{childId}/Plan/Arrangements/{arrangementId}/Letter/{personId}";
    public static string Sessions(Guid childId) => $"/Children/{childId}/Sessions";
    public static string Session(Guid childId, Guid sessionId) => $"/Children/{childId}/Sessions/{sessionId}";
    public static string SessionRecord(Guid childId, Guid sessionId) => $"/Children/{childId}/Sessions/{sessionId}/Record";
    public static string SessionFeedback(Guid childId, Guid sessionId) => $"/Children/{childId}/Sessions/{sessionId}/Feedback";
    public static string SessionWellbeing(Guid childId, Guid sessionId) => $"/Children/{childId}/Sessions/{sessionId}/Wellbeing";
    public static string WriteRecord(Guid childId, Guid sessionId) => $"/Children/{childId}/Sessions/{sessionId}/Record/Write";
    public static string Wellbeing(Guid childId) => $"/Children/{childId}/Wellbeing";
    public static string Analysis(Guid childId) => $"/Children/{childId}/Analysis";
    public static string Reviews(Guid childId) => $"/Children/{childId}/Reviews";
    public static string CompleteReview(Guid childId, Guid? arrangementId) => $"/Children/{childId}/Reviews/Complete{(arrangementId is { } a ? $"/{a}" : "")}";
    public static string IndependentVisitor(Guid childId) => $"/Children/{childId}/IndependentVisitor";
    public static string Change(Guid childId, Guid changeId) => $"/Children/{childId}/Changes/{changeId}";
    public static string Suspension(Guid childId, Guid suspensionId) => $"/Children/{childId}/Suspensions/{suspensionId}";
    public static string PortalChild(Guid childId) => $"/Portal/Children/{childId}";
    public static string PortalSession(Guid childId, Guid sessionId) => $"/Portal/Children/{childId}/Sessions/{sessionId}";
    public static string Connections(Guid childId) => $"/Children/{childId}/Connections";
    public static string AddPerson(Guid childId) => $"/Children/{childId}/People/Add";
    public static string AddArrangement(Guid childId) => $"/Children/{childId}/Plan/Arrangements/Add";
    public static string ChangeArrangement(Guid childId, Guid arrangementId) => $"/Children/{childId}/Plan/Arrangements/{arrangementId}/Edit";
    public static string SuspendArrangement(Guid childId, Guid arrangementId) => $"/Children/{childId}/Plan/Arrangements/{arrangementId}/Suspend";
    public static string EndArrangement(Guid childId, Guid arrangementId) => $"/Children/{childId}/Plan/Arrangements/{arrangementId}/End";
    public static string Consider(Guid childId, Guid personId) => $"/Children/{childId}/Plan/Consider/{personId}";
    public static string SupervisionException(Guid childId) => $"/Children/{childId}/Plan/Exception";
    public static string Edit(Guid childId) => $"/Children/{childId}/Edit";
    public static string EditPerson(Guid childId, Guid personId) => $"/Children/{childId}/People/{personId}/Edit";
}

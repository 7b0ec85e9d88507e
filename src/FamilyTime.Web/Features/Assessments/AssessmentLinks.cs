namespace FamilyTime.Web.Features.Assessments;

public static class AssessmentLinks
{
    public static string Index(Guid childId) => $"/Children/{childId}/Assessment";
    public static string Version(Guid childId, int number) => $"/Children/{childId}/Assessment?version={number}";
    public static string Edit(Guid childId) => $"/Children/{childId}/Assessment/Edit";
}

namespace FamilyTime.Web.Features.Wellbeing;

public static class TrendLinks
{
    public static string Trend(Guid childId) => $"/Children/{childId}/Trend";
}

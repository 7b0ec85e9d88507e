namespace FamilyTime.Web.Features.Assessments;

public static class AssessmentServices
{
    public static void AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentReader>();
        services.AddScoped<SaveAssessment>();
    }
}

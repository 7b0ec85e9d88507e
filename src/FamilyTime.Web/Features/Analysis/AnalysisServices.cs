using FamilyTime.Web.Features.Analysis;

// In the host's namespace so Startup registers the feature in one line, without a using of its own.
namespace FamilyTime.Web;

public static class AnalysisServices
{
    /// <summary>The social worker's analysis of family time (guidance Appendix 1): the period summary, saved assessments, the court PDF.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.AddScoped<PeriodAnalysis>();
        return services;
    }
}

using FamilyTime.Web.Features.Scheduling;

namespace FamilyTime.Web.Features.Reviews;

public static class ReviewServices
{
    /// <summary>Reviews, the Independent Visitor prompt, their use cases and daily checks.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReviewOptions>(config.GetSection("Reviews"));
        services.AddScoped<ReviewSchedule>();
        services.AddScoped<IndependentVisitorPrompts>();
        services.AddScoped<ReadReviews>();
        services.AddScoped<CompleteReview>();
        services.AddScoped<RecordIndependentVisitorDecision>();
        services.AddScoped<IDeadlineCheck, ReviewsDueCheck>();
        services.AddScoped<IDeadlineCheck, IndependentVisitorCheck>();
        return services;
    }
}

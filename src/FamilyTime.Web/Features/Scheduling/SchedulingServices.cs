namespace FamilyTime.Web.Features.Scheduling;

public static class SchedulingServices
{
    /// <summary>The scheduler and its jobs; it also turns the outbox's delivery.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<JobScheduler>();
        services.AddSingleton<JobRunner>();
        services.Configure<SchedulerOptions>(config.GetSection("Scheduler"));
        services.AddHostedService<SchedulerService>();
        services.AddScoped<IJobHandler, DeadlineSweep>();
        return services;
    }
}

using FamilyTime.Web.Features.Notifications;

namespace FamilyTime.Web.Features.Scheduling;

public static class SchedulingServices
{
    /// <summary>The outbox and its senders, and the scheduler with its jobs.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<JobScheduler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<JobRunner>();
        services.Configure<SchedulerOptions>(config.GetSection("Scheduler"));
        services.AddHostedService<SchedulerService>();
        services.AddScoped<IJobHandler, DeadlineSweep>();
        services.AddMessageSenders(config);
        return services;
    }
}

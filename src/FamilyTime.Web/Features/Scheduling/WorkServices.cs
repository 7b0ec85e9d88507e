using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Reviews;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Features.Tasks;

namespace FamilyTime.Web.Features.Scheduling;

public static class WorkServices
{
    /// <summary>Tasks, the outbox and its senders, and the scheduler with its jobs.</summary>
    public static IServiceCollection AddTasksAndNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TaskList>();
        services.AddScoped<Records.InboxTasks>();
        services.AddScoped<Notifier>();
        services.AddScoped<JobScheduler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<JobRunner>();
        services.Configure<SchedulerOptions>(config.GetSection("Scheduler"));
        services.AddHostedService<SchedulerService>();
        services.AddScoped<IJobHandler, DeadlineSweep>();
        services.AddMessageSenders(config);
        services.AddReviews(config);
        services.AddSuspensionFollowUp();
        return services;
    }
}

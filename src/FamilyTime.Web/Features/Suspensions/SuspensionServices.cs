using FamilyTime.Web.Features.Scheduling;

namespace FamilyTime.Web.Features.Suspensions;

public static class SuspensionServices
{
    /// <summary>Suspending family time, and what keeps a suspension's 7-day clock from running silently: its jobs, tasks, messages and daily check.</summary>
    public static IServiceCollection AddSuspensions(this IServiceCollection services)
    {
        services.AddScoped<SuspensionWorkflow>();
        services.AddScoped<SuspensionFollowUp>();
        services.AddScoped<SuspensionNotices>();
        services.AddScoped<IJobHandler, SuspensionWarningJob>();
        services.AddScoped<IJobHandler, SuspensionEscalationJob>();
        services.AddScoped<IDeadlineCheck, SuspensionDeadlineCheck>();
        return services;
    }
}

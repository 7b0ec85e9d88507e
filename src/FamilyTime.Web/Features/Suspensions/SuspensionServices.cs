using FamilyTime.Web.Features.Scheduling;

namespace FamilyTime.Web.Features.Suspensions;

public static class SuspensionServices
{
    /// <summary>Suspending family time, and what keeps a suspension's 7-day clock from running silently: its jobs, tasks, messages and daily check.</summary>
    public static IServiceCollection AddSuspensions(this IServiceCollection services)
    {
        services.AddScoped<OpenSuspensions>();
        services.AddScoped<SuspensionReader>();
        services.AddScoped<SuspensionStep>();
        services.AddScoped<SuspendFamilyTime>();
        services.AddScoped<RecordSuspensionDiscussion>();
        services.AddScoped<ResumeFamilyTime>();
        services.AddScoped<RecordSection34Application>();
        services.AddScoped<AgreePlanChange>();
        services.AddScoped<SuspensionFollowUp>();
        services.AddScoped<SuspensionNotices>();
        services.AddScoped<IJobHandler, SuspensionWarningJob>();
        services.AddScoped<IJobHandler, SuspensionEscalationJob>();
        services.AddScoped<IDeadlineCheck, SuspensionDeadlineCheck>();
        return services;
    }
}

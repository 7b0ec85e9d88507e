namespace FamilyTime.Web.Features.Changes;

public static class ChangeServices
{
    /// <summary>Major changes to agreed family time: one class per step, the frame they share, the reader and the notices.</summary>
    public static IServiceCollection AddChanges(this IServiceCollection services)
    {
        services.AddScoped<ChangeStep>();
        services.AddScoped<ChangeSummary>();
        services.AddScoped<ProposeChange>();
        services.AddScoped<Plans.IProposeMajorChange>(sp => sp.GetRequiredService<ProposeChange>());
        services.AddScoped<DecideAsIro>();
        services.AddScoped<RecordReviewOutcome>();
        services.AddScoped<RecordCourtAgreement>();
        services.AddScoped<SendChangeNotices>();
        services.AddScoped<TakeEffect>();
        services.AddScoped<WithdrawChange>();
        services.AddScoped<ChangeNotices>();
        services.AddScoped<ChangeReader>();
        return services;
    }
}

namespace FamilyTime.Web.Features.Records;

public static class RecordServices
{
    public static IServiceCollection AddSessionRecords(this IServiceCollection services)
    {
        services.AddScoped<SessionFactsLoader>();
        services.AddScoped<RecordChanges>();
        services.AddScoped<ReadRecord>();
        services.AddScoped<SubmitRecord>();
        services.AddScoped<CorrectRecord>();
        services.AddScoped<AcknowledgeRecord>();
        services.AddScoped<ShareRecord>();
        services.AddScoped<CloseSession>();
        services.AddScoped<RecordRiskAssessment>();
        services.AddScoped<OverrideRiskGate>();
        services.AddScoped<ParentRecords>();
        return services;
    }
}

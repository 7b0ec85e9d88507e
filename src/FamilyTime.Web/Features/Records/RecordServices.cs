namespace FamilyTime.Web.Features.Records;

public static class RecordServices
{
    public static IServiceCollection AddSessionRecords(this IServiceCollection services)
    {
        services.AddScoped<SessionFactsLoader>();
        services.AddScoped<RecordWorkflow>();
        services.AddScoped<ParentRecords>();
        return services;
    }
}

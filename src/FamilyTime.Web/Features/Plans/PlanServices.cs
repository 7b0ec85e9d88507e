using FamilyTime.Domain.Plans;
using FamilyTime.Web.Features.Plans.Letters;

namespace FamilyTime.Web.Features.Plans;

public static class PlanServices
{
    public static void AddFamilyTimePlans(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(LoadBankHolidays(config["Plans:BankHolidaysFile"]));
        services.AddSingleton(config.GetSection("Plans:InfantGuidance").Get<InfantGuidance>() ?? new InfantGuidance());
        services.AddSingleton(config.GetSection("Plans").Get<PlanSettings>() ?? new PlanSettings());
        services.AddSingleton(Domain.Language.LanguageCheck.Parse(ReadData("Records:WordListFile", "FamilyTime.word-list.json", config)));
        services.AddScoped<PlanContextLoader>();
        services.AddScoped<SessionSync>();
        services.AddScoped<PlanReader>();
        services.AddScoped<SaveArrangement>();
        services.AddScoped<AgreePlan>();
        services.AddScoped<SharePlan>();
        services.AddScoped<SetNextReview>();
        services.AddScoped<RecordConsideration>();
        services.AddScoped<ApproveSupervisionException>();
        services.AddScoped<PlanFormOptions>();
        services.AddScoped<ParentLetters>();
        services.AddScoped<RecordLetterSent>();
        services.AddScoped<ParentLetterIssuer>();
    }

    /// <summary>The bank holidays file shipped in the application, or a newer copy the deployment points to.</summary>
    public static BankHolidays LoadBankHolidays(string? path) => BankHolidays.Parse(ReadData(path, "FamilyTime.bank-holidays.json"));

    /// <summary>A data file the service ships and can replace: the configured path if set, else the embedded copy.</summary>
    private static string ReadData(string setting, string resource, IConfiguration config) => ReadData(config[setting], resource);

    private static string ReadData(string? path, string resource)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return File.ReadAllText(path);
        }
        using var stream = typeof(PlanServices).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in the application.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using FamilyTime.Domain.Plans;
using FamilyTime.Web.Features.Plans.Letters;

namespace FamilyTime.Web.Features.Plans;

public static class PlanServices
{
    public static void AddFamilyTimePlans(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(LoadBankHolidays(config["Plans:BankHolidaysFile"]));
        services.AddSingleton(config.GetSection("Plans:InfantGuidance").Get<InfantGuidance>() ?? new InfantGuidance());
        services.AddScoped<PlanContextLoader>();
        services.AddScoped<SessionSync>();
        services.AddScoped<PlanWorkflow>();
        services.AddScoped<PlanReader>();
        services.AddScoped<PlanFormOptions>();
        services.AddScoped<ParentLetters>();
        services.AddScoped<Sessions.SessionList>();
        services.AddScoped<Sessions.AddSession>();
    }

    /// <summary>The bank holidays file shipped in the application, or a newer copy the deployment points to.</summary>
    public static BankHolidays LoadBankHolidays(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return BankHolidays.Parse(File.ReadAllText(path));
        }
        using var stream = typeof(PlanServices).Assembly.GetManifestResourceStream("FamilyTime.bank-holidays.json")
            ?? throw new InvalidOperationException("The bank holidays file is not embedded in the application.");
        using var reader = new StreamReader(stream);
        return BankHolidays.Parse(reader.ReadToEnd());
    }
}

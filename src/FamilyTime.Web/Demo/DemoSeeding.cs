namespace FamilyTime.Web.Demo;

public static class DemoSeeding
{
    /// <summary>Seeds the synthetic service only in demo mode and only into an empty database.</summary>
    public static async Task SeedDemoDataIfAskedAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Enabled", false))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var children = app.Configuration.GetValue("Demo:Children", 250);
        if (await seeder.SeedAsync(children, CancellationToken.None))
        {
            // In a fresh scope: the letters are written the way agreeing a plan writes them, through the app's services.
            await using var letters = app.Services.CreateAsyncScope();
            await letters.ServiceProvider.GetRequiredService<DemoLetters>().IssueAsync("socialworker1", CancellationToken.None);
        }
    }
}

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
        await seeder.SeedAsync(children, CancellationToken.None);
    }
}

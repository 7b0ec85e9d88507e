using FamilyTime.Web;
using FamilyTime.Web.Infrastructure;
#if DEMO_DATA
using FamilyTime.Web.Demo;
#endif
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Admin.Backups;
using FamilyTime.Web.Features.Admin.Users;

// `familytime admin …` (the first administrator on an empty database), `backup`, `restore` and `audit verify` use the
// same settings and database, then exit.
var command = AdminCommand.Asked(args) || BackupCommand.Asked(args) || AuditCommand.Asked(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
builder.AddFamilyTime();

var app = builder.Build();
KeyRing.WarnIfUnprotected(app);
// `familytime backup|restore FILE` runs before migrating: a backup copies the database as it is, a restore replaces it.
if (BackupCommand.Asked(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    return;
}
await DatabaseSetup.MigrateAsync(app.Services);
if (AuditCommand.Asked(args))
{
    Environment.ExitCode = await AuditCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    return;
}
if (command)
{
    Environment.ExitCode = await AdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
    return;
}
#if DEMO_DATA
await app.SeedDemoDataIfAskedAsync();
#else
if (app.Configuration.GetValue("Demo:Enabled", false))
{
    await Console.Error.WriteLineAsync("This build has no demo data (it was published with DemoData=false). Set Demo:Enabled to false.");
    Environment.ExitCode = 2;
    return;
}
#endif
app.UseFamilyTime();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

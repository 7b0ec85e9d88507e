using FamilyTime.Web;
using FamilyTime.Web.Infrastructure;
using FamilyTime.Web.Demo;

var builder = WebApplication.CreateBuilder(args);
builder.AddFamilyTime();

var app = builder.Build();
await DatabaseSetup.MigrateAsync(app.Services);
await app.SeedDemoDataIfAskedAsync();
app.UseFamilyTime();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

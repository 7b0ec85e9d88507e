using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FamilyTime.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL without a server or the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FamilyTimeDbContext>
{
    public FamilyTimeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FamilyTimeDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}

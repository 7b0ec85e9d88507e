using FamilyTime.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FamilyTime.Web.Infrastructure;

/// <summary>/health answers 200 only when the database answers too.</summary>
internal sealed class DatabaseHealthCheck(FamilyTimeDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}

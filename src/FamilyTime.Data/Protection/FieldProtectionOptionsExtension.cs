using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.Data.Protection;

/// <summary>
/// Carries the application's <see cref="IFieldProtector"/> into the context's options, where OnModelCreating finds it
/// to build the converters of <see cref="SensitiveFields"/>. The converters are part of the model (unlike an
/// interceptor they also apply to projections), so the model cache key includes the protector
/// (<see cref="FieldProtectionModelCacheKeyFactory"/>), while EF's internal service provider ignores it: every app,
/// whatever its protector, shares one, rather than EF building one per protector.
/// A context without this extension (design-time migrations, tooling) encrypts nothing.
/// </summary>
public sealed class FieldProtectionOptionsExtension(IFieldProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IFieldProtector Protector { get; } = protector ?? throw new ArgumentNullException(nameof(protector));

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "FieldProtection ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["FamilyTime:FieldProtection"] = "1";
    }
}

/// <summary>One model per protector: the converters hold it.</summary>
internal sealed class FieldProtectionModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, context.GetService<IDbContextOptions>().FindExtension<FieldProtectionOptionsExtension>()?.Protector);
}

public static class FieldProtectionOptions
{
    /// <summary>Encrypts the <see cref="SensitiveFields"/> with <paramref name="protector"/>.</summary>
    public static DbContextOptionsBuilder UseFieldProtection(this DbContextOptionsBuilder options, IFieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FieldProtectionOptionsExtension(protector));
        return options.ReplaceService<IModelCacheKeyFactory, FieldProtectionModelCacheKeyFactory>();
    }
}

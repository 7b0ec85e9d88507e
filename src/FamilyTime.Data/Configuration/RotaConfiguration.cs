using FamilyTime.Domain.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class RotaRunConfiguration : IEntityTypeConfiguration<RotaRun>
{
    public void Configure(EntityTypeBuilder<RotaRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.ActiveKey).HasMaxLength(60);
        // One run of an area's week under way at a time: null once it ends, and nulls never clash in either database.
        b.HasIndex(r => r.ActiveKey).IsUnique();
        b.HasIndex(r => new { r.AreaId, r.WeekStart, r.RequestedAt });
        b.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        b.Property(r => r.PublishedById).HasMaxLength(450);
        b.Property(r => r.Error).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RotaPinConfiguration : IEntityTypeConfiguration<RotaPin>
{
    public void Configure(EntityTypeBuilder<RotaPin> b)
    {
        b.HasKey(p => p.Id);
        // One pin a session: a second pin of the same session (two coordinators at once, a retried form) cannot be added.
        b.HasIndex(p => p.SessionId).IsUnique();
        b.HasIndex(p => new { p.AreaId, p.WeekStart });
        b.PrimitiveCollection(p => p.WorkerIds);
        b.Property(p => p.PinnedById).HasMaxLength(450).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

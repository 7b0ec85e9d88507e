using FamilyTime.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarerHouseholdConfiguration : IEntityTypeConfiguration<CarerHousehold>
{
    public void Configure(EntityTypeBuilder<CarerHousehold> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Name).HasMaxLength(150).IsRequired();
        b.Property(h => h.Address).HasMaxLength(300).IsRequired();
        b.Property(h => h.Postcode).HasMaxLength(10).IsRequired();
        b.Property(h => h.Town).HasMaxLength(100);
        b.HasOne<Area>().WithMany().HasForeignKey(h => h.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

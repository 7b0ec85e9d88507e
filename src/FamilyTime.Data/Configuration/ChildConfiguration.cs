using FamilyTime.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.FirstName).HasMaxLength(100).IsRequired();
        b.Property(c => c.LastName).HasMaxLength(100).IsRequired();
        b.Property(c => c.PreferredName).HasMaxLength(100);
        b.Property(c => c.Gender).HasMaxLength(50).IsRequired();
        b.Property(c => c.Ethnicity).HasMaxLength(100);
        b.Property(c => c.FirstLanguage).HasMaxLength(60);
        b.Property(c => c.FamilyTimeName).HasMaxLength(60).IsRequired();
        b.Property(c => c.School).HasMaxLength(150);
        b.Property(c => c.SchoolAddress).HasMaxLength(300);
        b.Property(c => c.LegalStatus).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.SocialWorkerId).HasMaxLength(450).IsRequired();
        b.Property(c => c.IroId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.SocialWorkerId);
        b.HasIndex(c => c.TeamId);
        b.HasIndex(c => c.IroId);
        b.Property(c => c.YoungPersonUserId).HasMaxLength(450);
        // One child per young person's account: the account is the child's own.
        b.HasIndex(c => c.YoungPersonUserId).IsUnique();
        b.HasIndex(c => new { c.LastName, c.FirstName });
        b.Property(c => c.LegalHoldReason).HasMaxLength(Child.LegalHoldReasonLength);
        b.Property(c => c.LegalHoldBy).HasMaxLength(256);
        b.Ignore(c => c.DisposalDate);
        b.Ignore(c => c.KnownAs);
        b.Ignore(c => c.FullName);

        b.HasMany(c => c.LegalStatusHistory).WithOne().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Placements).WithOne().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.People).WithOne().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.LegalStatusHistory).HasField("_legalStatuses").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Placements).HasField("_placements").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.People).HasField("_people").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Domain.Organisation.Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LegalStatusPeriodConfiguration : IEntityTypeConfiguration<LegalStatusPeriod>
{
    public void Configure(EntityTypeBuilder<LegalStatusPeriod> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.ResidentialHomeName).HasMaxLength(150);
        b.Ignore(p => p.IsCurrent);
        b.HasIndex(p => new { p.CarerHouseholdId, p.EndDate });
        b.HasOne<Domain.Organisation.CarerHousehold>().WithMany().HasForeignKey(p => p.CarerHouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisorAssignmentConfiguration : IEntityTypeConfiguration<SupervisorAssignment>
{
    public void Configure(EntityTypeBuilder<SupervisorAssignment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(a => new { a.UserId, a.ChildId }).IsUnique();
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

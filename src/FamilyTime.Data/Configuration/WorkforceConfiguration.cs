using FamilyTime.Domain.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class WorkerProfileConfiguration : IEntityTypeConfiguration<WorkerProfile>
{
    public void Configure(EntityTypeBuilder<WorkerProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Pattern).AsJson();
        b.PrimitiveCollection(p => p.Languages);
        b.Property(p => p.Skills).HasConversion<int>();
        b.Property(p => p.BasePostcode).HasMaxLength(10);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class WorkerLeaveConfiguration : IEntityTypeConfiguration<WorkerLeave>
{
    public void Configure(EntityTypeBuilder<WorkerLeave> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.UserId).HasMaxLength(450).IsRequired();
        b.Property(l => l.Reason).HasMaxLength(200).IsRequired();
        b.HasIndex(l => new { l.UserId, l.From });
    }
}

internal sealed class SupervisionApprovalConfiguration : IEntityTypeConfiguration<SupervisionApproval>
{
    public void Configure(EntityTypeBuilder<SupervisionApproval> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ChildId);
        b.Property(a => a.ApprovedById).HasMaxLength(450).IsRequired();
        b.Property(a => a.ApprovedByName).HasMaxLength(200).IsRequired();
        b.Property(a => a.Notes).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

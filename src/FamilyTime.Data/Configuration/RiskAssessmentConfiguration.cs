using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ArrangementId);
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.AssessedBy).HasMaxLength(RiskAssessment.NameLength).IsRequired();
        b.Property(r => r.Summary).HasMaxLength(RiskAssessment.TextLength).IsRequired();
        b.Property(r => r.RecordedById).HasMaxLength(450).IsRequired();
        b.Property(r => r.RecordedByName).HasMaxLength(150).IsRequired();
        b.Ignore(r => r.Covers);
        b.Ignore(r => r.Clears);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(r => r.ArrangementId).OnDelete(DeleteBehavior.Restrict);
    }
}

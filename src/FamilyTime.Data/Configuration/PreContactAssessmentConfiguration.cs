using FamilyTime.Domain.Assessments;
using FamilyTime.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class PreContactAssessmentConfiguration : IEntityTypeConfiguration<PreContactAssessment>
{
    public void Configure(EntityTypeBuilder<PreContactAssessment> b)
    {
        b.HasKey(a => a.Id);
        // One number per version per child: two people saving at once cannot both make version 3.
        b.HasIndex(a => new { a.ChildId, a.Number }).IsUnique();
        b.Property(a => a.AnswersJson).IsRequired();
        b.Property(a => a.SavedById).HasMaxLength(450).IsRequired();
        b.Property(a => a.SavedByName).HasMaxLength(150).IsRequired();
        b.Ignore(a => a.Answers);
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

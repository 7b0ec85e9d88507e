using FamilyTime.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

/// <summary>One row per reader and record: two tabs opening the same notes at once cannot make two.</summary>
internal sealed class SharedNoteReadConfiguration : IEntityTypeConfiguration<SharedNoteRead>
{
    public void Configure(EntityTypeBuilder<SharedNoteRead> b)
    {
        b.HasKey(r => new { r.RecordId, r.ParentUserId });
        b.HasIndex(r => r.ParentUserId);
        b.Property(r => r.ParentUserId).HasMaxLength(450).IsRequired();
        b.HasOne<ContactRecord>().WithMany().HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

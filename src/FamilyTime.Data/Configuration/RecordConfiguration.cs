using FamilyTime.Domain.Children;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.Data.Configuration;

internal sealed class ContactRecordConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.SessionId).IsUnique();
        b.HasIndex(r => new { r.SocialWorkerId, r.Status });
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.SocialWorkerId).HasMaxLength(450).IsRequired();
        b.Property(r => r.AcknowledgedById).HasMaxLength(450);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Current);
        b.Ignore(r => r.SharedWithFamily);
        b.Ignore(r => r.HasUnsharedCorrection);
        b.HasOne<FamilyTimeSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RecordVersionConfiguration : IEntityTypeConfiguration<RecordVersion>
{
    public void Configure(EntityTypeBuilder<RecordVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.RecordId, v.Number }).IsUnique();
        b.Property(v => v.WrittenById).HasMaxLength(450).IsRequired();
        b.Property(v => v.WrittenByName).HasMaxLength(150).IsRequired();
        b.Property(v => v.CorrectionReason).HasMaxLength(1000);
        b.Property(v => v.AgeBand).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(v => v.Observations);
        foreach (var p in new[] { nameof(RecordVersion.WhoAttended), nameof(RecordVersion.Interaction), nameof(RecordVersion.Positives), nameof(RecordVersion.Concerns),
            nameof(RecordVersion.ChildsWords), nameof(RecordVersion.EndedEarlyReason), nameof(RecordVersion.Debrief), nameof(RecordVersion.Analysis),
            nameof(RecordVersion.AssessedAttunement), nameof(RecordVersion.AssessedBoundaries), nameof(RecordVersion.AssessedSafety), nameof(RecordVersion.AssessedWarmth) })
        {
            b.Property<string?>(p).HasMaxLength(RecordContent.LongText);
        }
    }
}

internal sealed class ParentReplyConfiguration : IEntityTypeConfiguration<ParentReply>
{
    public void Configure(EntityTypeBuilder<ParentReply> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.RecordId);
        b.Property(r => r.ParentUserId).HasMaxLength(450).IsRequired();
        b.Property(r => r.Text).HasMaxLength(ParentReply.MaxText).IsRequired();
        // A retried reply is the same reply (issue 11): the same words once per record and parent.
        b.Property(r => r.Key).HasMaxLength(64);
        b.HasIndex(r => new { r.RecordId, r.ParentUserId, r.Key }).IsUnique();
        b.HasOne<ContactRecord>().WithMany().HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CarerObservationConfiguration : IEntityTypeConfiguration<CarerObservation>
{
    public void Configure(EntityTypeBuilder<CarerObservation> b)
    {
        b.HasKey(o => o.Id);
        b.HasIndex(o => new { o.SessionId, o.Moment }).IsUnique();
        b.HasIndex(o => o.ChildId);
        b.Property(o => o.Moment).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.Words).HasMaxLength(2000);
        b.Property(o => o.RecordedById).HasMaxLength(450).IsRequired();
        b.Ignore(o => o.Highest);
        b.Ignore(o => o.ShowsDistress);
        b.HasOne<FamilyTimeSession>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.VenueId);
        b.HasIndex(f => f.ChildId);
        b.HasIndex(f => f.RoutedToUserId);
        b.Property(f => f.From).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Text).HasMaxLength(Feedback.MaxText).IsRequired();
        b.Property(f => f.RoutedToUserId).HasMaxLength(450);
        b.Property(f => f.ById).HasMaxLength(450).IsRequired();
        // Feedback kept before it had a state is new: nobody recorded reading it (the column's default fills old rows).
        b.Property(f => f.State).HasConversion<string>().HasMaxLength(10).HasDefaultValue(FeedbackState.New).HasSentinel((FeedbackState)0);
        b.Property(f => f.ReadById).HasMaxLength(450);
        b.Property(f => f.AnsweredById).HasMaxLength(450);
        b.Property(f => f.AnswerText).HasMaxLength(Feedback.MaxAnswer);
        b.Property(f => f.AnsweredHow).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.TellsOfComplaintsProcedure);
        // The inbox asks for one person's feedback in one state.
        b.HasIndex(f => new { f.RoutedToUserId, f.State });
        b.HasIndex(f => f.ById);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ChildId, a.PersonId });
        b.Property(a => a.Text).HasMaxLength(Assessment.MaxText).IsRequired();
        b.Property(a => a.SavedById).HasMaxLength(450).IsRequired();
        b.Property(a => a.SavedByName).HasMaxLength(150).IsRequired();
        b.PrimitiveCollection(a => a.RecordVersionIds);
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.HasKey(t => t.Id);
        // The key makes adding a task idempotent: a job that runs twice finds its task already there.
        b.Property(t => t.Key).HasMaxLength(200).IsRequired();
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.AssigneeId).HasMaxLength(450).IsRequired();
        b.Property(t => t.Title).HasMaxLength(WorkTask.TitleLength).IsRequired();
        b.Property(t => t.Link).HasMaxLength(300).IsRequired();
        b.Property(t => t.DoneById).HasMaxLength(450);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        b.HasIndex(t => new { t.AssigneeId, t.DoneAt });
        b.HasIndex(t => t.ChildId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Key).HasMaxLength(250).IsRequired();
        b.HasIndex(m => m.Key).IsUnique();
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.To).HasMaxLength(320).IsRequired();
        b.Property(m => m.RecipientName).HasMaxLength(200).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        b.Property(m => m.Body).HasMaxLength(20000).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> b)
    {
        b.HasKey(j => j.Id);
        b.Property(j => j.Key).HasMaxLength(200).IsRequired();
        b.HasIndex(j => j.Key).IsUnique();
        b.Property(j => j.Kind).HasMaxLength(60).IsRequired();
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.LastError).HasMaxLength(1000);
        b.Property(j => j.Version).IsConcurrencyToken();
        b.HasIndex(j => new { j.Status, j.DueAt });
    }
}

internal sealed class ChangeProposalConfiguration : IEntityTypeConfiguration<ChangeProposal>
{
    public void Configure(EntityTypeBuilder<ChangeProposal> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ChildId);
        b.HasIndex(p => p.ArrangementId);
        b.HasIndex(p => new { p.IroDecision, p.EffectiveAt });
        b.Property(p => p.Kinds).HasConversion<int>();
        b.Property(p => p.IroDecision).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.ProposedDetails).HasMaxLength(20000);
        b.Property(p => p.Summary).HasMaxLength(500).IsRequired();
        b.Property(p => p.Reasons).HasMaxLength(ArrangementDetails.LongText).IsRequired();
        b.Property(p => p.ProposedById).HasMaxLength(450).IsRequired();
        b.Property(p => p.ProposedByName).HasMaxLength(200).IsRequired();
        b.Property(p => p.CourtReference).HasMaxLength(200);
        b.Property(p => p.CourtRecordedById).HasMaxLength(450);
        b.Property(p => p.IroReasons).HasMaxLength(ArrangementDetails.LongText);
        b.Property(p => p.IroId).HasMaxLength(450);
        b.Property(p => p.IroName).HasMaxLength(200);
        b.Property(p => p.ReviewNotes).HasMaxLength(ArrangementDetails.LongText);
        b.Property(p => p.ReviewRecordedById).HasMaxLength(450);
        b.Property(p => p.NoticesSentById).HasMaxLength(450);
        b.Property(p => p.EffectiveById).HasMaxLength(450);
        b.Property(p => p.WithdrawnReason).HasMaxLength(ArrangementDetails.LongText);
        b.Property(p => p.WithdrawnById).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Stage);
        b.Ignore(p => p.IsOpen);
        b.Ignore(p => p.IroAgreed);
        b.Ignore(p => p.EndsArrangement);
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(p => p.ArrangementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ChildId, r.HeldOn });
        b.HasIndex(r => r.ArrangementId);
        b.Property(r => r.Outcome).HasMaxLength(ArrangementDetails.LongText).IsRequired();
        b.Property(r => r.RecordedById).HasMaxLength(450).IsRequired();
        b.Property(r => r.RecordedByName).HasMaxLength(200).IsRequired();
        b.Property(r => r.ChildNotWhy).HasMaxLength(ReviewParticipation.MaxText);
        b.Property(r => r.OthersTookPart).HasMaxLength(ReviewParticipation.MaxText);
        b.Property(r => r.SupervisionProgress).HasMaxLength(ArrangementDetails.LongText);
        b.Ignore(r => r.IsPlanReview);
        b.Ignore(r => r.Participation);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(r => r.ArrangementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndependentVisitorDecisionConfiguration : IEntityTypeConfiguration<IndependentVisitorDecision>
{
    public void Configure(EntityTypeBuilder<IndependentVisitorDecision> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.ChildId, d.DecidedOn });
        b.Property(d => d.Reasons).HasMaxLength(ArrangementDetails.LongText).IsRequired();
        b.Property(d => d.DecidedById).HasMaxLength(450).IsRequired();
        b.Property(d => d.DecidedByName).HasMaxLength(200).IsRequired();
        b.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

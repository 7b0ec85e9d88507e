using FamilyTime.Domain.Portfolio;
using FamilyTime.Domain.Travel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class TravelClaimConfiguration : IEntityTypeConfiguration<TravelClaim>
{
    public void Configure(EntityTypeBuilder<TravelClaim> b)
    {
        b.HasKey(c => c.Id);
        // One claim per person per session: a retried POST or a second claim meets this index, never a second payment.
        b.HasIndex(c => new { c.SessionId, c.ClaimantUserId }).IsUnique();
        b.HasIndex(c => new { c.ChildId, c.State });
        b.HasIndex(c => c.ClaimantUserId);
        b.HasIndex(c => c.PaymentRunId);
        b.Property(c => c.ClaimantUserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Claimant).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.From).HasMaxLength(TravelClaim.PlaceLength).IsRequired();
        b.Property(c => c.To).HasMaxLength(TravelClaim.PlaceLength).IsRequired();
        b.Property(c => c.Miles).HasPrecision(6, 1);
        b.Property(c => c.DecidedById).HasMaxLength(450);
        b.Property(c => c.DecidedByName).HasMaxLength(200);
        b.Property(c => c.RefusalReason).HasMaxLength(TravelClaim.ReasonLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Pounds);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Content).IsRequired();
        b.HasIndex(f => f.OwnerUserId);
    }
}

internal sealed class PortfolioGoalConfiguration : IEntityTypeConfiguration<PortfolioGoal>
{
    public void Configure(EntityTypeBuilder<PortfolioGoal> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Title).HasMaxLength(PortfolioGoal.TitleLength).IsRequired();
        b.Property(g => g.Detail).HasMaxLength(PortfolioGoal.DetailLength);
        b.Property(g => g.AddedById).HasMaxLength(450).IsRequired();
        b.Property(g => g.Version).IsConcurrencyToken();
        b.Ignore(g => g.IsAchieved);
        b.HasIndex(g => g.PersonId);
        b.HasIndex(g => g.ChildId);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Title).HasMaxLength(Certificate.TitleLength).IsRequired();
        b.HasIndex(c => c.OwnerUserId);
    }
}

internal sealed class DiaryEntryConfiguration : IEntityTypeConfiguration<DiaryEntry>
{
    public void Configure(EntityTypeBuilder<DiaryEntry> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(d => d.Title).HasMaxLength(DiaryEntry.TitleLength).IsRequired();
        b.Property(d => d.Place).HasMaxLength(DiaryEntry.PlaceLength);
        b.Property(d => d.Notes).HasMaxLength(DiaryEntry.NotesLength);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.OwnerUserId, d.Date });
    }
}

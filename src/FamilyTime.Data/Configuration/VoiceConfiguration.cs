using FamilyTime.Domain.Children;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class SessionFeelingConfiguration : IEntityTypeConfiguration<SessionFeeling>
{
    public void Configure(EntityTypeBuilder<SessionFeeling> b)
    {
        b.HasKey(f => f.Id);
        // One version number once per session: two saves at once cannot both become the next version.
        b.HasIndex(f => new { f.SessionId, f.Number }).IsUnique();
        b.HasIndex(f => f.ChildId);
        b.Property(f => f.Face).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Words).HasMaxLength(SessionFeeling.WordsLength);
        b.Property(f => f.SaidById).HasMaxLength(450).IsRequired();
        b.HasOne<Child>().WithMany().HasForeignKey(f => f.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FamilyTimeSession>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SeeingWishesConfiguration : IEntityTypeConfiguration<SeeingWishes>
{
    public void Configure(EntityTypeBuilder<SeeingWishes> b)
    {
        b.HasKey(w => w.Id);
        b.HasIndex(w => new { w.ChildId, w.SaidAt });
        b.Property(w => w.WantToSee).HasMaxLength(SeeingWishes.WordsLength);
        b.Property(w => w.InTheirWords).HasMaxLength(SeeingWishes.WordsLength);
        b.Property(w => w.NotWantToSee).HasMaxLength(SeeingWishes.WordsLength);
        b.Property(w => w.SaidById).HasMaxLength(450).IsRequired();
        b.HasOne<Child>().WithMany().HasForeignKey(w => w.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TalkRequestConfiguration : IEntityTypeConfiguration<TalkRequest>
{
    public void Configure(EntityTypeBuilder<TalkRequest> b)
    {
        b.HasKey(t => t.Id);
        // A retried send carries the same key: the second insert fails here instead of asking twice.
        b.HasIndex(t => new { t.ChildId, t.RequestKey }).IsUnique();
        b.HasIndex(t => new { t.ChildId, t.AskedAt });
        b.Property(t => t.Who).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Words).HasMaxLength(TalkRequest.WordsLength);
        b.Property(t => t.AskedById).HasMaxLength(450).IsRequired();
        b.HasOne<Child>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class RearrangeRequestConfiguration : IEntityTypeConfiguration<RearrangeRequest>
{
    public void Configure(EntityTypeBuilder<RearrangeRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        b.Property(r => r.RequestedByName).HasMaxLength(150).IsRequired();
        b.Property(r => r.Reason).HasMaxLength(RearrangeRequest.ReasonLength).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecidedById).HasMaxLength(450);
        b.Property(r => r.DecidedByName).HasMaxLength(150);
        b.Property(r => r.RefusalReason).HasMaxLength(RearrangeRequest.ReasonLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsPending);
        // One waiting request per session: a retried or doubled "ask to rearrange" cannot make a second.
        b.HasIndex(r => r.PendingSessionId).IsUnique();
        b.HasIndex(r => new { r.SessionId, r.RequestedAt });
        b.HasIndex(r => r.ChildId);
        b.HasOne<FamilyTimeSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

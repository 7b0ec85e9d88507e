using FamilyTime.Domain.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

/// <summary>
/// One key per account: the unique index is what finally decides between two retries of one request arriving at
/// once (on different servers), whatever the code in front of it checked first. Expiry is indexed for the clean-up.
/// </summary>
internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(k => k.Id);
        b.HasIndex(k => new { k.AccountId, k.Key }).IsUnique();
        b.HasIndex(k => k.ExpiresAt);
        b.Property(k => k.AccountId).HasMaxLength(450).IsRequired();
        b.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxKeyLength).IsRequired();
        b.Property(k => k.Request).HasMaxLength(400).IsRequired();
        b.Property(k => k.BodyHash).HasMaxLength(64).IsRequired();
        b.Property(k => k.ResponseContentType).HasMaxLength(200);
        b.Property(k => k.ResponseLocation).HasMaxLength(2000);
    }
}

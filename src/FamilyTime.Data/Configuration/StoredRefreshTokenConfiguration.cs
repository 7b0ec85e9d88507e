using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

/// <summary>
/// The hash is unique and indexed (every refresh looks a token up by it); family and account are indexed for revoking
/// a family or every token of an account; expiry for the clean-up.
/// </summary>
internal sealed class StoredRefreshTokenConfiguration : IEntityTypeConfiguration<StoredRefreshToken>
{
    public void Configure(EntityTypeBuilder<StoredRefreshToken> b)
    {
        b.ToTable("RefreshTokens");
        b.HasKey(t => t.Id);
        // An account that is removed takes its tokens with it.
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.FamilyId);
        b.HasIndex(t => t.UserId);
        b.HasIndex(t => t.ExpiresAt);
        b.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(StoredRefreshToken.HashLength).IsRequired();
        b.Property(t => t.StampHash).HasMaxLength(StoredRefreshToken.HashLength).IsRequired();
        b.Property(t => t.RevokedReason).HasMaxLength(StoredRefreshToken.MaxReasonLength);
    }
}

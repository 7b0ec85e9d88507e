using FamilyTime.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.InviteeName).HasMaxLength(150).IsRequired();
        b.Property(i => i.SentTo).HasMaxLength(200).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(i => i.SentByUserId).HasMaxLength(450).IsRequired();
        b.Property(i => i.AcceptedUserId).HasMaxLength(450);
        b.Property(i => i.RevokedByUserId).HasMaxLength(450);
        b.Property(i => i.OpenKey).HasMaxLength(300);
        b.Property(i => i.Version).IsConcurrencyToken();
        // A token is looked up by its hash; the open key allows one open invitation per person (nulls do not clash).
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OpenKey).IsUnique();
        b.HasIndex(i => new { i.ChildId, i.SentAt });
        b.HasOne<Domain.Children.Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

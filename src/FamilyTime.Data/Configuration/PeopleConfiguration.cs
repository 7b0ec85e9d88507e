using FamilyTime.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class SignificantPersonConfiguration : IEntityTypeConfiguration<SignificantPerson>
{
    public void Configure(EntityTypeBuilder<SignificantPerson> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.FullName).HasMaxLength(150).IsRequired();
        b.Property(p => p.Relationship).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.SpokenLanguage).HasMaxLength(60);
        b.Property(p => p.PortalUserId).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.PortalUserId);
    }
}

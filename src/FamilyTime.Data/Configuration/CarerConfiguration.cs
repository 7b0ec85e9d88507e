using FamilyTime.Data.Identity;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class IndirectContactEntryConfiguration : IEntityTypeConfiguration<IndirectContactEntry>
{
    public void Configure(EntityTypeBuilder<IndirectContactEntry> b)
    {
        b.ToTable("IndirectContactEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.SomeoneElse).HasMaxLength(IndirectContactEntry.WhoLength);
        b.Property(e => e.WhatHappened).HasMaxLength(IndirectContactEntry.TextLength).IsRequired();
        b.Property(e => e.HowChildWas).HasMaxLength(IndirectContactEntry.TextLength).IsRequired();
        b.Property(e => e.WhatCarerDid).HasMaxLength(IndirectContactEntry.TextLength).IsRequired();
        b.Property(e => e.RecordedById).HasMaxLength(450).IsRequired();
        b.Ignore(e => e.IsUrgent);
        b.HasIndex(e => new { e.ChildId, e.HappenedAt });
        b.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SignificantPerson>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarerAlertPreferencesConfiguration : IEntityTypeConfiguration<CarerAlertPreferences>
{
    public void Configure(EntityTypeBuilder<CarerAlertPreferences> b)
    {
        // One row per carer account: the key is the account, so two saves at once cannot make two rows.
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

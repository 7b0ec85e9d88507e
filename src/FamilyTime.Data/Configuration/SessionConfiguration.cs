using FamilyTime.Domain.Calendars;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class FamilyTimeSessionConfiguration : IEntityTypeConfiguration<FamilyTimeSession>
{
    public void Configure(EntityTypeBuilder<FamilyTimeSession> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.SocialWorkerId).HasMaxLength(450).IsRequired();
        b.Property(s => s.SupervisorId).HasMaxLength(450);
        b.Property(s => s.SecondWorkerId).HasMaxLength(450);
        b.Property(s => s.DriverId).HasMaxLength(450);
        // A booking and what the plan asked when it was made; all null for a session not booked (rows from before too).
        b.Property(s => s.PlannedSupervisorId).HasMaxLength(450);
        b.Ignore(s => s.IsBooked);
        b.Property(s => s.ClosedById).HasMaxLength(450);
        b.Property(s => s.OutcomeReason).HasMaxLength(2000);
        b.Property(s => s.CancellationReason).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.EndTime);
        b.Ignore(s => s.StartsAt);
        b.Property(s => s.ConfirmedById).HasMaxLength(450);
        b.Property(s => s.ConfirmedByName).HasMaxLength(150);
        b.HasIndex(s => new { s.SocialWorkerId, s.Status, s.Date });
        b.HasIndex(s => new { s.ChildId, s.Date });
        b.HasIndex(s => new { s.ArrangementId, s.Date });
        b.HasIndex(s => new { s.SupervisorId, s.Date });
        b.HasIndex(s => new { s.SecondWorkerId, s.Date });
        b.HasIndex(s => new { s.RoomId, s.Date });
        b.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(s => s.ArrangementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Room>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Name).HasMaxLength(150).IsRequired();
        b.Property(v => v.Address).HasMaxLength(300).IsRequired();
        b.Property(v => v.Postcode).HasMaxLength(10).IsRequired();
        b.Property(v => v.Notes).HasMaxLength(2000);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => v.AreaId);
        b.HasOne<Domain.Organisation.Area>().WithMany().HasForeignKey(v => v.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(v => v.Rooms).HasField("_rooms").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(v => v.OpeningHours).AsJson();
        b.HasMany(v => v.Closures).WithOne().HasForeignKey(c => c.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(v => v.Closures).HasField("_closures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(100).IsRequired();
        b.Property(r => r.Features).HasConversion<int>();
    }
}

internal sealed class VenueClosureConfiguration : IEntityTypeConfiguration<VenueClosure>
{
    public void Configure(EntityTypeBuilder<VenueClosure> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Reason).HasMaxLength(200).IsRequired();
        b.HasIndex(c => new { c.VenueId, c.From });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.UserId).HasMaxLength(450).IsRequired();
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.UserId);
        b.Ignore(f => f.IsActive);
    }
}

internal sealed class PlanDocumentConfiguration : IEntityTypeConfiguration<PlanDocument>
{
    public void Configure(EntityTypeBuilder<PlanDocument> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(d => d.CreatedByName).HasMaxLength(150).IsRequired();
        b.Property(d => d.Html).IsRequired();
        b.Property(d => d.Pdf).IsRequired();
        b.Property(d => d.SentBy).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Occasion).HasMaxLength(200);
        b.Property(d => d.TranslateInto).HasMaxLength(60);
        b.HasIndex(d => new { d.ArrangementId, d.PersonId, d.Number }).IsUnique();
        b.HasIndex(d => d.ChildId);
        b.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

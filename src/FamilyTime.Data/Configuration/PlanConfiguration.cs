using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

internal sealed class ContactPlanConfiguration : IEntityTypeConfiguration<ContactPlan>
{
    public void Configure(EntityTypeBuilder<ContactPlan> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ChildId).IsUnique();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.HasBeenAgreed);
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Arrangements).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Considerations).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Arrangements).HasField("_arrangements").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Considerations).HasField("_considerations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ArrangementConfiguration : IEntityTypeConfiguration<Arrangement>
{
    public void Configure(EntityTypeBuilder<Arrangement> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ChildId);
        b.HasIndex(a => a.SupervisorId);
        // Primitive collections: a JSON array on SQLite, a native array on PostgreSQL.
        b.PrimitiveCollection(a => a.PersonIds);
        b.PrimitiveCollection(a => a.CustomDates);
        b.Property(a => a.Purposes).HasConversion<int>();
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ReasonForSupervision).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.SuggestedActivity).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.SupervisorId).HasMaxLength(450);
        b.Property(a => a.InterpreterLanguage).HasMaxLength(60);
        // Existing arrangements need one worker (issue 12).
        b.Property(a => a.WorkersNeeded).HasDefaultValue(1);
        b.Property(a => a.Transport).HasMaxLength(500);
        b.Property(a => a.Food).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.Gifts).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.Activities).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.WhoParents).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.WhatEndsSession).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.ChildsWishes).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.EndedReason).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.WishesNotAsked).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.WishesNotAskedWhy).HasMaxLength(ArrangementDetails.LongText);
        b.Property(a => a.RouteToLessSupervision).HasMaxLength(ArrangementDetails.LongText);
        // Stored as numbers so the rows before these columns read as a venue room and a worker (0).
        b.Property(a => a.Place).HasConversion<int>();
        b.Property(a => a.PlaceDescription).HasMaxLength(200);
        b.Property(a => a.SupervisedBy).HasConversion<int>();
        b.Property(a => a.SupervisorName).HasMaxLength(200);
        b.Ignore(a => a.IsEnded);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Days);
        b.Ignore(a => a.Terms);
        b.Ignore(a => a.Schedule);
        b.Ignore(a => a.Factors);
        b.HasOne<Domain.Venues.Room>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        b.Property(v => v.AgreedById).HasMaxLength(450).IsRequired();
        b.Property(v => v.AgreedByName).HasMaxLength(150).IsRequired();
        b.Property(v => v.ChangeReason).HasMaxLength(ArrangementDetails.LongText);
        b.Property(v => v.CourtReference).HasMaxLength(300);
        b.Property(v => v.Snapshot).IsRequired();
    }
}

internal sealed class PersonConsiderationConfiguration : IEntityTypeConfiguration<PersonConsideration>
{
    public void Configure(EntityTypeBuilder<PersonConsideration> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.PlanId, c.PersonId }).IsUnique();
        b.Property(c => c.Reason).HasMaxLength(ArrangementDetails.LongText).IsRequired();
        b.Property(c => c.RecordedById).HasMaxLength(450).IsRequired();
    }
}

internal sealed class SupervisionExceptionConfiguration : IEntityTypeConfiguration<SupervisionException>
{
    public void Configure(EntityTypeBuilder<SupervisionException> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.ChildId);
        b.Property(e => e.ApprovedById).HasMaxLength(450).IsRequired();
        b.Property(e => e.ApprovedByName).HasMaxLength(150).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(SupervisionException.MaxReason).IsRequired();
        b.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuspensionConfiguration : IEntityTypeConfiguration<Domain.Suspensions.Suspension>
{
    public void Configure(EntityTypeBuilder<Domain.Suspensions.Suspension> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ChildId);
        b.HasIndex(s => s.ArrangementId);
        b.Property(s => s.Reasons).HasMaxLength(ArrangementDetails.LongText).IsRequired();
        b.Property(s => s.StartedById).HasMaxLength(450).IsRequired();
        b.Property(s => s.LegalAdvice).HasMaxLength(ArrangementDetails.LongText);
        b.Property(s => s.ApplicationReference).HasMaxLength(100);
        b.Property(s => s.PlanChangeAgreement).HasMaxLength(ArrangementDetails.LongText);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.LastDay);
        b.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(s => s.ArrangementId).OnDelete(DeleteBehavior.Restrict);
    }
}

using FamilyTime.Data.Identity;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Calendars;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Records;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.Data;

public sealed class FamilyTimeDbContext(DbContextOptions<FamilyTimeDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Child> Children => Set<Child>();
    public DbSet<LegalStatusPeriod> LegalStatusPeriods => Set<LegalStatusPeriod>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<SignificantPerson> SignificantPeople => Set<SignificantPerson>();
    public DbSet<SupervisorAssignment> SupervisorAssignments => Set<SupervisorAssignment>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<CarerHousehold> CarerHouseholds => Set<CarerHousehold>();
    public DbSet<ContactPlan> ContactPlans => Set<ContactPlan>();
    public DbSet<Arrangement> Arrangements => Set<Arrangement>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PersonConsideration> PersonConsiderations => Set<PersonConsideration>();
    public DbSet<SupervisionException> SupervisionExceptions => Set<SupervisionException>();
    public DbSet<FamilyTimeSession> Sessions => Set<FamilyTimeSession>();
    public DbSet<RearrangeRequest> RearrangeRequests => Set<RearrangeRequest>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PlanDocument> PlanDocuments => Set<PlanDocument>();
    public DbSet<ContactRecord> ContactRecords => Set<ContactRecord>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();
    public DbSet<ParentReply> ParentReplies => Set<ParentReply>();
    public DbSet<CarerObservation> CarerObservations => Set<CarerObservation>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Domain.Assessments.PreContactAssessment> PreContactAssessments => Set<Domain.Assessments.PreContactAssessment>();
    public DbSet<Domain.Suspensions.Suspension> Suspensions => Set<Domain.Suspensions.Suspension>();
    public DbSet<Domain.Changes.ChangeProposal> ChangeProposals => Set<Domain.Changes.ChangeProposal>();
    public DbSet<Domain.Reviews.ReviewRecord> Reviews => Set<Domain.Reviews.ReviewRecord>();
    public DbSet<Domain.Reviews.IndependentVisitorDecision> IndependentVisitorDecisions => Set<Domain.Reviews.IndependentVisitorDecision>();
    public DbSet<Domain.Tasks.WorkTask> Tasks => Set<Domain.Tasks.WorkTask>();
    public DbSet<Domain.Notifications.OutboxMessage> Outbox => Set<Domain.Notifications.OutboxMessage>();
    public DbSet<Domain.Scheduling.ScheduledJob> ScheduledJobs => Set<Domain.Scheduling.ScheduledJob>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FamilyTimeDbContext).Assembly);

        // Domain records make their own ids. Telling EF so means a new record reached through a navigation
        // (an arrangement added to a plan) is inserted, not mistaken for an existing one to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("FamilyTime.Domain", StringComparison.Ordinal) == true))
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var t } key] && t == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The audit log is append-only: the application itself can never edit or delete an entry.</summary>
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }

    /// <summary>Each saved edit moves the record to a new version; the old version is the concurrency check.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
        }
    }
}

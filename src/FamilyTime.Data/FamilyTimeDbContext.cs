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
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    public DbSet<VenueClosure> VenueClosures => Set<VenueClosure>();
    public DbSet<Domain.Workforce.WorkerProfile> WorkerProfiles => Set<Domain.Workforce.WorkerProfile>();
    public DbSet<Domain.Workforce.WorkerLeave> WorkerLeave => Set<Domain.Workforce.WorkerLeave>();
    public DbSet<Domain.Rota.RotaRun> RotaRuns => Set<Domain.Rota.RotaRun>();
    public DbSet<Domain.Rota.RotaPin> RotaPins => Set<Domain.Rota.RotaPin>();
    public DbSet<Domain.Workforce.SupervisionApproval> SupervisionApprovals => Set<Domain.Workforce.SupervisionApproval>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PlanDocument> PlanDocuments => Set<PlanDocument>();
    public DbSet<ContactRecord> ContactRecords => Set<ContactRecord>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();
    public DbSet<ParentReply> ParentReplies => Set<ParentReply>();
    public DbSet<SharedNoteRead> SharedNoteReads => Set<SharedNoteRead>();
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
    public DbSet<Domain.Voice.SessionFeeling> SessionFeelings => Set<Domain.Voice.SessionFeeling>();
    public DbSet<Domain.Voice.SeeingWishes> SeeingWishes => Set<Domain.Voice.SeeingWishes>();
    public DbSet<Domain.Voice.TalkRequest> TalkRequests => Set<Domain.Voice.TalkRequest>();
    public DbSet<Domain.Accounts.Invitation> Invitations => Set<Domain.Accounts.Invitation>();
    public DbSet<Domain.Travel.TravelClaim> TravelClaims => Set<Domain.Travel.TravelClaim>();
    public DbSet<Domain.Travel.StoredFile> StoredFiles => Set<Domain.Travel.StoredFile>();
    public DbSet<Domain.Portfolio.PortfolioGoal> PortfolioGoals => Set<Domain.Portfolio.PortfolioGoal>();
    public DbSet<Domain.Portfolio.Certificate> Certificates => Set<Domain.Portfolio.Certificate>();
    public DbSet<Domain.Portfolio.DiaryEntry> DiaryEntries => Set<Domain.Portfolio.DiaryEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Carers.IndirectContactEntry> IndirectContactEntries => Set<Domain.Carers.IndirectContactEntry>();
    public DbSet<Domain.Carers.CarerAlertPreferences> CarerAlertPreferences => Set<Domain.Carers.CarerAlertPreferences>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Domain.Idempotency.IdempotencyKey> IdempotencyKeys => Set<Domain.Idempotency.IdempotencyKey>();
    public DbSet<Domain.Access.StoredRefreshToken> RefreshTokens => Set<Domain.Access.StoredRefreshToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FamilyTimeDbContext).Assembly);
        // Addresses, phone numbers, e-mail addresses, record text and authenticator secrets, encrypted when the
        // application gives a protector (the model cache key includes it: FieldProtectionModelCacheKeyFactory).
        Protection.SensitiveFields.Apply(builder, options.FindExtension<Protection.FieldProtectionOptionsExtension>()?.Protector);

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
        StampCalendarChanges();
        ReadyFieldKeys();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        BumpVersions();
        StampCalendarChanges();
        ReadyFieldKeys();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Makes sure the key that encrypts sensitive columns exists before the save's transaction opens. Data Protection
    /// makes a missing or expiring key on first use and stores it through another context: inside the save, SQLite's
    /// one writer would be this save itself, and the key's write would wait on it until it failed.
    /// </summary>
    private void ReadyFieldKeys()
    {
        if (options.FindExtension<Protection.FieldProtectionOptionsExtension>() is { } protection
            && ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified && Protection.SensitiveFields.Holds(e.Metadata.ClrType)))
        {
            protection.Protector.Protect("");
        }
    }

    /// <summary>The audit log is append-only: the application itself can never edit or delete an entry.</summary>
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }

    /// <summary>
    /// Every saved change to what a calendar shows of a session (<see cref="FamilyTimeSession.CalendarFields"/>)
    /// raises its Sequence by one and sets LastModified from the app's clock; a new session starts at 0 with its
    /// LastModified. Done here, at the one place every change passes, rather than in each domain method: sessions
    /// are moved and cancelled by many features (the plan, a parent who can't come, rearranging, ringing in,
    /// suspensions), and a method added later cannot forget it. Counted once per save against the stored values, so
    /// a save that changes several fields is one change, and a save that sets a field back to what it was is none.
    /// The clock is the app's TimeProvider (a fake one in tests), reached through the application's services.
    /// </summary>
    private void StampCalendarChanges()
    {
        DateTime? now = null;
        DateTime Now() => now ??= Clock().GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<FamilyTimeSession>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.LastModified == default)
                {
                    entry.Property(s => s.LastModified).CurrentValue = Now();
                }
            }
            else if (entry.State == EntityState.Modified
                && FamilyTimeSession.CalendarFields.Any(f => entry.Property(f) is var p && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                entry.Property(s => s.Sequence).CurrentValue = entry.Property(s => s.Sequence).OriginalValue + 1;
                entry.Property(s => s.LastModified).CurrentValue = Now();
            }
        }
    }

    private TimeProvider Clock()
    {
        try
        {
            return this.GetService<TimeProvider>();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "Saving a family-time session needs the app's TimeProvider (registered in the application's services) to stamp its calendar LastModified.", e);
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

using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>What saving an arrangement did; <see cref="ProposalId"/> is set when a major change went to the IRO instead.</summary>
public sealed record ArrangementSaved(Guid Id, int Version, int SessionsPlanned, int SessionsReplaced, IReadOnlyList<BankHoliday> SkippedHolidays, Guid? ProposalId = null);

public sealed record PlanAgreed(int VersionNumber, int SessionsPlanned);

/// <summary>
/// The family-time plan's use cases. Each checks the reader's reach first (out of reach answers not found),
/// lets the domain apply the rules, brings the sessions in line, and saves with its audit entry in one go.
/// </summary>
public sealed class PlanWorkflow(
    FamilyTimeDbContext db,
    ChildAccessPolicy access,
    AuditedSave audit,
    PlanContextLoader contexts,
    SessionSync sessions,
    UserManager<FamilyTime.Data.Identity.ApplicationUser> users,
    Changes.ProposeChange proposeChange,
    ChildContextLoader children,
    TimeProvider clock)
{
    private const string EditRefused = "Only the child's social worker or their team manager can change the family-time plan.";

    public async Task<Outcome<ArrangementSaved>> SaveArrangementAsync(
        Actor actor, Guid childId, Guid? arrangementId, ArrangementDetails details, PlanChange? change, int? version, CancellationToken ct)
    {
        if (await RefusedAsync<ArrangementSaved>(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var context = (await contexts.LoadAsync(childId, ct))!;
        var errors = new ValidationErrors();
        if (details.SupervisorId is { Length: > 0 } supervisor && !await IsContactWorkerAsync(supervisor))
        {
            errors.Add(nameof(ArrangementDetails.SupervisorId), "Choose a supervisor from the list of contact workers");
        }
        var plan = await LoadPlanAsync(childId, ct);
        if (plan is null)
        {
            if (arrangementId is not null)
            {
                return Outcome<ArrangementSaved>.NotFound();
            }
            if (PlanRules.ArrangingRefused(context) is { } notArranged)
            {
                return Outcome<ArrangementSaved>.Invalid("", notArranged);
            }
            plan = ContactPlan.Start(childId, context);
            db.ContactPlans.Add(plan);
        }

        var by = Sign(actor);
        Arrangement arrangement;
        AuditAction action;
        if (arrangementId is { } id)
        {
            var existing = plan.Arrangements.FirstOrDefault(a => a.Id == id);
            if (existing is null)
            {
                return Outcome<ArrangementSaved>.NotFound();
            }
            if (version is not { } v)
            {
                return Outcome<ArrangementSaved>.Invalid("Version", "Send the version of the arrangement you are changing");
            }
            if (existing.Version != v)
            {
                return Outcome<ArrangementSaved>.Conflict();
            }
            db.Entry(existing).Property(a => a.Version).OriginalValue = v;
            if (existing.IsEnded)
            {
                return Outcome<ArrangementSaved>.Invalid("", $"This family time ended on {existing.EndedOn:d MMMM yyyy}: add a new arrangement instead");
            }
            // How often, where, how supervised and who takes part are major changes: they go to the IRO as a
            // proposal and the arrangement stays as agreed until the proposal takes effect.
            if (plan.HasBeenAgreed && Domain.Changes.MajorChanges.Between(existing.ToDetails(), details) is var kinds and not Domain.Changes.ChangeKinds.None)
            {
                Merge(errors, details.Validate(context));
                if (!errors.IsValid)
                {
                    return Outcome<ArrangementSaved>.Invalid(errors);
                }
                var proposed = await proposeChange.HandleAsync((await children.LoadAsync(actor, childId, ct))!, new Changes.ArrangementChangeProposed(existing, details, kinds, change), ct);
                return proposed.Kind == OutcomeKind.Ok
                    ? Outcome<ArrangementSaved>.Ok(new ArrangementSaved(existing.Id, existing.Version, 0, 0, [], proposed.Value))
                    : new Outcome<ArrangementSaved>(proposed.Kind, null, proposed.Errors, proposed.Message);
            }
            var result = plan.ChangeArrangement(id, details, context, change, by);
            Merge(errors, result);
            arrangement = existing;
            action = AuditAction.Update;
        }
        else
        {
            var (added, result) = plan.AddArrangement(details, context, change, by);
            Merge(errors, result);
            arrangement = added!;
            action = AuditAction.Create;
        }
        if (!errors.IsValid)
        {
            return Outcome<ArrangementSaved>.Invalid(errors);
        }
        if (action == AuditAction.Create)
        {
            db.Arrangements.Add(arrangement);
        }

        // Sessions follow an agreed plan only: a draft's arrangements have none until the plan is agreed.
        SessionChangesSummary summary = new(0, 0, []);
        if (plan.HasBeenAgreed)
        {
            var socialWorker = await db.Children.Where(c => c.Id == childId).Select(c => c.SocialWorkerId).FirstAsync(ct);
            var staged = await sessions.StageAsync(arrangement, socialWorker, context.Today, ct);
            summary = new(staged.Add.Count, staged.Remove.Count, staged.SkippedHolidays);
        }
        var note = new AuditNote(action, AuditRecord.Arrangement, arrangement.Id, childId, Describe(arrangement, change));
        if (!await SavedAsync(actor, note, ct))
        {
            return Outcome<ArrangementSaved>.Conflict();
        }
        return Outcome<ArrangementSaved>.Ok(new ArrangementSaved(arrangement.Id, arrangement.Version, summary.Added, summary.Removed, summary.Skipped));
    }

    public async Task<Outcome<PlanAgreed>> AgreeAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        if (await RefusedAsync<PlanAgreed>(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var plan = await LoadPlanAsync(childId, ct);
        if (plan is null)
        {
            return Outcome<PlanAgreed>.Invalid("Arrangements", "Add an arrangement for each person the child will see before agreeing the plan");
        }
        var context = (await contexts.LoadAsync(childId, ct))!;
        var errors = plan.Agree(context, Sign(actor));
        if (!errors.IsValid)
        {
            return Outcome<PlanAgreed>.Invalid(errors);
        }
        var socialWorker = await db.Children.Where(c => c.Id == childId).Select(c => c.SocialWorkerId).FirstAsync(ct);
        var planned = 0;
        foreach (var arrangement in plan.Arrangements)
        {
            planned += (await sessions.StageAsync(arrangement, socialWorker, context.Today, ct)).Add.Count;
        }
        var changes = JsonSerializer.Serialize(new { AgreedVersion = plan.AgreedVersion, SessionsPlanned = planned });
        if (!await SavedAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, childId, changes), ct))
        {
            return Outcome<PlanAgreed>.Conflict();
        }
        return Outcome<PlanAgreed>.Ok(new PlanAgreed(plan.AgreedVersion, planned));
    }

    public async Task<Outcome<bool>> ConsiderAsync(Actor actor, Guid childId, Guid personId, string? reason, CancellationToken ct)
    {
        if (await RefusedAsync<bool>(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var context = (await contexts.LoadAsync(childId, ct))!;
        var plan = await LoadPlanAsync(childId, ct);
        if (plan is null)
        {
            if (PlanRules.ArrangingRefused(context) is { } notArranged)
            {
                return Outcome<bool>.Invalid("", notArranged);
            }
            plan = ContactPlan.Start(childId, context);
            db.ContactPlans.Add(plan);
        }
        var before = plan.Considerations.Select(c => c.Id).ToHashSet();
        var errors = plan.Consider(personId, reason, context, Sign(actor));
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        foreach (var added in plan.Considerations.Where(c => !before.Contains(c.Id)))
        {
            db.PersonConsiderations.Add(added);
        }
        var changes = JsonSerializer.Serialize(new { PersonId = personId, Reason = reason!.Trim() });
        return await SavedAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, childId, changes), ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Conflict();
    }

    public async Task<Outcome<bool>> ShareAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        if (await RefusedAsync<bool>(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var plan = await LoadPlanAsync(childId, ct);
        var errors = plan?.ShareWithFamily(clock.Today()) ?? new ValidationErrors().Add("", "Agree the plan before sharing it with the family");
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        return await SavedAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan!.Id, childId, AuditedSave.ChangesOf(db.Entry(plan))), ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Conflict();
    }

    public async Task<Outcome<bool>> SetNextReviewAsync(Actor actor, Guid childId, DateOnly? on, CancellationToken ct)
    {
        if (await RefusedAsync<bool>(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var plan = await LoadPlanAsync(childId, ct);
        if (plan is null)
        {
            return Outcome<bool>.NotFound();
        }
        var errors = plan.SetNextReview(on, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        if (AuditedSave.ChangesOf(db.Entry(plan)) is { } changes && !await SavedAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, childId, changes), ct))
        {
            return Outcome<bool>.Conflict();
        }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>A head of service records the exception that allows supervised family time under section 20.</summary>
    public async Task<Outcome<bool>> RecordExceptionAsync(Actor actor, Guid childId, string? reason, CancellationToken ct)
    {
        var (level, _) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<bool>.NotFound();
        }
        if (!actor.Scope.Is(Roles.HeadOfService))
        {
            return Outcome<bool>.Forbidden("Only a head of service can approve supervised family time for a child accommodated under section 20.");
        }
        if (SupervisionException.CheckReason(reason) is { } problem)
        {
            return Outcome<bool>.Invalid("Reason", problem);
        }
        var exception = new SupervisionException(childId, actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime, reason!);
        db.SupervisionExceptions.Add(exception);
        var changes = JsonSerializer.Serialize(new { exception.Reason });
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.SupervisionException, exception.Id, childId, changes), ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>An arrangement as input, to fill the change form (access is checked by the caller).</summary>
    public async Task<(ArrangementDetails Details, int Version)?> DetailsAsync(Guid childId, Guid arrangementId, CancellationToken ct)
    {
        var a = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == arrangementId && x.ChildId == childId, ct);
        return a is null ? null : (a.ToDetails(), a.Version);
    }

    private async Task<Outcome<T>?> RefusedAsync<T>(Actor actor, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<T>.NotFound();
        }
        return canEdit ? null : Outcome<T>.Forbidden(EditRefused);
    }

    /// <summary>
    /// Saves with the audit entry. Two people changing the same plan at once meet the plan's version check or a
    /// unique index; the second is told to reload instead of seeing an error page.
    /// </summary>
    private async Task<bool> SavedAsync(Actor actor, AuditNote note, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, note, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private Task<ContactPlan?> LoadPlanAsync(Guid childId, CancellationToken ct) =>
        db.ContactPlans
            .Include(p => p.Arrangements)
            .Include(p => p.Considerations)
            .Include(p => p.Versions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.ChildId == childId, ct);

    private async Task<bool> IsContactWorkerAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && await users.IsInRoleAsync(user, Roles.ContactWorker);

    private Signature Sign(Actor actor) => new(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);

    private static void Merge(ValidationErrors into, ValidationErrors from)
    {
        foreach (var (field, messages) in from.ByField)
        {
            foreach (var m in messages)
            {
                into.Add(field, m);
            }
        }
    }

    private static string Describe(Arrangement a, PlanChange? change) => JsonSerializer.Serialize(new
    {
        Type = a.Type.ToString(),
        Form = a.Form.ToString(),
        Schedule = a.Schedule?.Describe(),
        People = a.PersonIds.Count,
        change?.Reason,
        change?.CourtAgreedOn,
        change?.CourtReference,
    });

    private sealed record SessionChangesSummary(int Added, int Removed, IReadOnlyList<BankHoliday> Skipped);
}

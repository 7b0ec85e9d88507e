using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Plans;

/// <summary>An arrangement to add (no <see cref="ArrangementId"/>) or change (with the <see cref="Version"/> read).</summary>
public sealed record ArrangementInput(Guid? ArrangementId, ArrangementDetails Details, PlanChange? Change, int? Version);

/// <summary>
/// What saving an arrangement did: the sessions planned for the next 12 months after the save (kept, moved or new),
/// and how many planned sessions the plan no longer has (kept, shown as "the plan changed", never deleted; the name
/// is the API's from when they were replaced). <see cref="ProposalId"/> is set when a major change went to the IRO instead.
/// </summary>
public sealed record ArrangementSaved(Guid Id, int Version, int SessionsPlanned, int SessionsReplaced, IReadOnlyList<BankHoliday> SkippedHolidays, Guid? ProposalId = null);

/// <summary>
/// Adds an arrangement to the plan (starting the plan if there is none) or changes one. Once the plan is agreed,
/// the sessions follow the arrangement; a major change to agreed family time goes to the IRO instead.
/// </summary>
public sealed class SaveArrangement(
    FamilyTimeDbContext db,
    PlanContextLoader contexts,
    SessionSync sessions,
    AuditedSave audit,
    IProposeMajorChange changes,
    UserManager<ApplicationUser> users,
    TimeProvider clock)
{
    public async Task<Outcome<ArrangementSaved>> HandleAsync(ChildContext child, ArrangementInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(input);
        var (details, change) = (input.Details, input.Change);
        var context = await contexts.LoadAsync(child, ct);
        var errors = new ValidationErrors();
        if (details.SupervisedBy == SupervisedBy.Worker && details.SupervisorId is { Length: > 0 } supervisor && !await IsContactWorkerAsync(supervisor))
        {
            errors.Add(nameof(ArrangementDetails.SupervisorId), "Choose a supervisor from the list of contact workers");
        }
        var plan = await db.PlanOfChildAsync(child.ChildId, ct);
        if (plan is null)
        {
            if (input.ArrangementId is not null)
            {
                return Outcome<ArrangementSaved>.NotFound();
            }
            if (PlanRules.ArrangingRefused(context) is { } notArranged)
            {
                return Outcome<ArrangementSaved>.Invalid("", notArranged);
            }
            plan = ContactPlan.Start(child.ChildId, context);
            db.ContactPlans.Add(plan);
        }

        Arrangement arrangement;
        AuditAction action;
        if (input.ArrangementId is { } id)
        {
            var existing = plan.Arrangements.FirstOrDefault(a => a.Id == id);
            if (existing is null)
            {
                return Outcome<ArrangementSaved>.NotFound();
            }
            if (input.Version is not { } v)
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
            // How often, how long (when shorter), into school hours, where, how supervised and who takes part are major changes: they go to the IRO as a
            // proposal and the arrangement stays as agreed until the proposal takes effect.
            if (plan.HasBeenAgreed && MajorChanges.Between(existing.ToDetails(), details, context.DateOfBirth, context.Today) is var kinds and not ChangeKinds.None)
            {
                errors.Merge(details.Validate(context));
                if (!errors.IsValid)
                {
                    return Outcome<ArrangementSaved>.Invalid(errors);
                }
                var proposed = await changes.ProposeAsync(child, existing, details, kinds, change, ct);
                return proposed.Kind == OutcomeKind.Ok
                    ? Outcome<ArrangementSaved>.Ok(new ArrangementSaved(existing.Id, existing.Version, 0, 0, [], proposed.Value))
                    : new Outcome<ArrangementSaved>(proposed.Kind, null, proposed.Errors, proposed.Message);
            }
            errors.Merge(plan.ChangeArrangement(id, details, context, change, clock.Sign(child.Actor)));
            (arrangement, action) = (existing, AuditAction.Update);
        }
        else
        {
            var (added, result) = plan.AddArrangement(details, context, change, clock.Sign(child.Actor));
            errors.Merge(result);
            (arrangement, action) = (added!, AuditAction.Create);
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
        var staged = plan.HasBeenAgreed ? await sessions.StageAsync(arrangement, child.SocialWorkerId, child.Actor.UserId, context.Today, ct) : null;
        var note = new AuditNote(action, AuditRecord.Arrangement, arrangement.Id, child.ChildId, PlanAuditJson.Arrangement(arrangement, change));
        // The version is read after the save, which moves it on.
        var saved = await audit.SaveOutcomeAsync(child.Actor, [note], true, ct);
        return saved.Kind == OutcomeKind.Ok
            ? Outcome<ArrangementSaved>.Ok(new ArrangementSaved(arrangement.Id, arrangement.Version,
                staged?.Planned ?? 0, staged?.Withdraw.Count ?? 0, staged?.SkippedHolidays ?? []))
            : Outcome<ArrangementSaved>.Conflict();
    }

    private async Task<bool> IsContactWorkerAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && await users.IsInRoleAsync(user, Roles.ContactWorker);
}

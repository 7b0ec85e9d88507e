using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>A major change made on the arrangement form: how often, where, how supervised or who takes part.</summary>
public sealed record ArrangementChangeProposed(Arrangement Arrangement, ArrangementDetails Details, ChangeKinds Kinds, PlanChange? Change);

/// <summary>
/// Proposes a major change to agreed family time, or its ending: kept as a proposal, the arrangement itself untouched,
/// and sent to the child's IRO with a task and an e-mail (and, in proceedings, a task to record the court).
/// </summary>
public sealed class ProposeChange(FamilyTimeDbContext db, AuditedSave audit, TaskList tasks, Notifier notifier, ChangeSummary summaries, TimeProvider clock)
    : Plans.IProposeMajorChange
{
    /// <summary>From the arrangement form (the plan's use case calls this when the edit is a major change).</summary>
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, ArrangementChangeProposed command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Refused(child) is { } refused)
        {
            return refused;
        }
        var summary = await summaries.DescribeAsync(command.Arrangement, command.Details, command.Kinds, ct);
        return await ProposeAsync(child, command.Arrangement, command.Kinds, ProposedDetailsJson.Write(command.Details), summary, command.Change?.Reason, command.Change, ct);
    }

    /// <summary>The arrangement form's way in: a major change saved on an agreed plan.</summary>
    public Task<Outcome<Guid>> ProposeAsync(ChildContext child, Arrangement arrangement, ArrangementDetails details, ChangeKinds kinds, PlanChange? change, CancellationToken ct) =>
        HandleAsync(child, new ArrangementChangeProposed(arrangement, details, kinds, change), ct);

    /// <summary>From the "End family time" page and the API: ending is proposed, never done at once.</summary>
    public async Task<Outcome<Guid>> EndAsync(ChildContext child, Guid arrangementId, string? reasons, CancellationToken ct)
    {
        if (Refused(child) is { } refused)
        {
            return refused;
        }
        var arrangement = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == child.ChildId, ct);
        return arrangement is null
            ? Outcome<Guid>.NotFound()
            : await ProposeAsync(child, arrangement, ChangeKinds.Ending, null, null, reasons, null, ct);
    }

    private static Outcome<Guid>? Refused(ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return child.Refused<Guid>(ChildOperation.ManageChanges);
    }

    private async Task<Outcome<Guid>> ProposeAsync(ChildContext child, Arrangement arrangement, ChangeKinds kinds, string? details, string? summary, string? reasons, PlanChange? court, CancellationToken ct)
    {
        var agreedVersion = await db.ContactPlans.AsNoTracking().Where(p => p.Id == arrangement.PlanId).Select(p => p.AgreedVersion).FirstAsync(ct);
        if (agreedVersion == 0)
        {
            return Outcome<Guid>.Invalid("", "The plan is still a draft: change or remove the arrangement there; the IRO considers changes to agreed family time");
        }
        if (child.IroId is not { Length: > 0 } iro)
        {
            return Outcome<Guid>.Invalid("", "The child has no independent reviewing officer allocated: allocate one first, because they must consider a major change");
        }
        var open = await OpenAsync(arrangement.Id, ct);
        var by = clock.Sign(child.Actor);
        var (proposal, errors) = ChangeProposal.Propose(child.ChildId, arrangement, kinds, details, summary, reasons, child.InCareProceedings, by, open);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var today = clock.Today();
        // The court may already have agreed (the form asks in proceedings): then that step is recorded with the proposal.
        if (proposal!.NeedsCourt && court?.CourtAgreedOn is not null && !string.IsNullOrWhiteSpace(court.CourtReference))
        {
            var courtErrors = proposal.RecordCourt(court.CourtAgreedOn, court.CourtReference, by, today);
            if (!courtErrors.IsValid)
            {
                return Outcome<Guid>.Invalid(courtErrors);
            }
        }
        db.ChangeProposals.Add(proposal);
        await tasks.StageAsync(ChangeFollowUps.Proposed(proposal, child, iro, today), child.Actor.UserId, ct);
        await notifier.EmailUserAsync(ChangeTaskKeys.Iro(proposal.Id), iro, "A change to family time needs your decision",
            $"{child.Actor.DisplayName} has proposed a change to family time for a child you review ({proposal.Summary}).\n\nPlease sign in to FamilyTime to record whether a child in care review will be convened or the change is agreed without one:\n{ChildLinks.Change(child.ChildId, proposal.Id)}", child.ChildId, ct);
        var note = new AuditNote(AuditAction.Create, AuditRecord.ChangeProposal, proposal.Id, child.ChildId,
            JsonSerializer.Serialize(new { proposal.ArrangementId, Kinds = proposal.Kinds.ToString(), proposal.Summary }));
        try
        {
            // One change at a time, held under the write lock (and PostgreSQL's advisory lock, across servers): two
            // proposals sent at once both passed the check above, and only the first to reach the lock is kept.
            var saved = await audit.SaveCheckedAsync(child.Actor.UserId, child.Actor.UserName,
                async token => await OpenAsync(arrangement.Id, token) ? null : [note], ct);
            return saved
                ? Outcome<Guid>.Ok(proposal.Id)
                : Outcome<Guid>.Invalid("", "A change to this arrangement is already under way: finish or withdraw it before proposing another");
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    /// <summary>A proposal for the arrangement that is neither withdrawn, in effect nor turned down by a review.</summary>
    private Task<bool> OpenAsync(Guid arrangementId, CancellationToken ct) =>
        db.ChangeProposals.AnyAsync(p => p.ArrangementId == arrangementId && p.WithdrawnAt == null && p.EffectiveAt == null && p.ReviewAgreed != false, ct);
}

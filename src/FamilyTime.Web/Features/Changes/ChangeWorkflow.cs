using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// The major-change workflow: propose → the IRO decides (and a convened review agrees) → in proceedings the court
/// agrees → notices go to the family, carers and child → the change takes effect. The order is the domain's
/// (<see cref="ChangeProposal"/>); this class checks who may take each step, feeds the task lists and the outbox,
/// and saves each step with its audit entry.
/// </summary>
public sealed class ChangeWorkflow(
    FamilyTimeDbContext db,
    ChildAccessPolicy access,
    AuditedSave audit,
    PlanContextLoader contexts,
    SessionSync sessions,
    TaskList tasks,
    Notifier notifier,
    ChangeNotices notices,
    TimeProvider clock)
{
    private const string ManageRefused = "Only the child's social worker or their team manager can propose or progress a change to family time.";
    private const string IroRefused = "Only the child's independent reviewing officer can record this decision.";

    public async Task<Outcome<Guid>> ProposeEndingAsync(Actor actor, Guid childId, Guid arrangementId, string? reasons, CancellationToken ct)
    {
        if (await RefusedAsync(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var arrangement = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == childId, ct);
        if (arrangement is null)
        {
            return Outcome<Guid>.NotFound();
        }
        return await ProposeAsync(actor, childId, arrangement, ChangeKinds.Ending, null, null, reasons, null, ct);
    }

    /// <summary>A major change made on the arrangement form: kept as a proposal, the arrangement itself untouched.</summary>
    public async Task<Outcome<Guid>> ProposeChangeAsync(Actor actor, Guid childId, Arrangement arrangement, ArrangementDetails details, ChangeKinds kinds, PlanChange? change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var summary = await SummaryAsync(arrangement, details, kinds, ct);
        return await ProposeAsync(actor, childId, arrangement, kinds, ProposedDetailsJson.Write(details), summary, change?.Reason, change, ct);
    }

    private async Task<Outcome<Guid>> ProposeAsync(Actor actor, Guid childId, Arrangement arrangement, ChangeKinds kinds, string? details, string? summary, string? reasons, PlanChange? court, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.IroId, c.InCareProceedings, c.SocialWorkerId }).FirstAsync(ct);
        var plan = await db.ContactPlans.AsNoTracking().Where(p => p.Id == arrangement.PlanId).Select(p => new { p.AgreedVersion }).FirstAsync(ct);
        if (plan.AgreedVersion == 0)
        {
            return Outcome<Guid>.Invalid("", "The plan is still a draft: change or remove the arrangement there; the IRO considers changes to agreed family time");
        }
        if (child.IroId is not { Length: > 0 } iro)
        {
            return Outcome<Guid>.Invalid("", "The child has no independent reviewing officer allocated: allocate one first, because they must consider a major change");
        }
        var open = await db.ChangeProposals.AnyAsync(p => p.ArrangementId == arrangement.Id && p.WithdrawnAt == null && p.EffectiveAt == null && p.ReviewAgreed != false, ct);
        var (proposal, errors) = ChangeProposal.Propose(childId, arrangement, kinds, details, summary, reasons, child.InCareProceedings, Sign(actor), open);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var today = clock.Today();
        if (proposal!.NeedsCourt && court?.CourtAgreedOn is not null && !string.IsNullOrWhiteSpace(court.CourtReference))
        {
            var courtErrors = proposal.RecordCourt(court.CourtAgreedOn, court.CourtReference, Sign(actor), today);
            if (!courtErrors.IsValid)
            {
                return Outcome<Guid>.Invalid(courtErrors);
            }
        }
        db.ChangeProposals.Add(proposal);
        var link = Link(childId, proposal.Id);
        var name = await ChildNameAsync(childId, ct);
        await tasks.AddAsync(Key(proposal, "iro"), TaskKind.IroDecision, iro, childId, $"Decide on a proposed change to {name}'s family time: {proposal.Summary}", link, today.AddDays(7), ct);
        await notifier.EmailUserAsync(Key(proposal, "iro"), iro, "A change to family time needs your decision",
            $"{actor.DisplayName} has proposed a change to family time for a child you review ({proposal.Summary}).\n\nPlease sign in to FamilyTime to record whether a child in care review will be convened or the change is agreed without one:\n{link}", childId, ct);
        if (proposal.NeedsCourt && proposal.CourtAgreedOn is null)
        {
            await tasks.AddAsync(Key(proposal, "court"), TaskKind.CourtAgreement, child.SocialWorkerId, childId, $"Record the family court's agreement to the change to {name}'s family time", link, null, ct);
        }
        return await SaveAsync(actor, new AuditNote(AuditAction.Create, AuditRecord.ChangeProposal, proposal.Id, childId,
            JsonSerializer.Serialize(new { proposal.ArrangementId, Kinds = proposal.Kinds.ToString(), proposal.Summary })), proposal.Id, ct);
    }

    public Task<Outcome<Guid>> DecideAsync(Actor actor, Guid childId, Guid id, IroDecision decision, string? reasons, DateOnly? reviewOn, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: true, "IroDecision", async p =>
        {
            var errors = p.DecideAsIro(decision, reasons, reviewOn, Sign(actor), clock.Today());
            if (errors.IsValid)
            {
                await tasks.CompleteAsync(Key(p, "iro"), actor.UserId, ct);
                var name = await ChildNameAsync(childId, ct);
                if (p.IroDecision == IroDecision.ReviewConvened)
                {
                    await tasks.AddAsync(Key(p, "review"), TaskKind.ReviewToHold, actor.UserId, childId, $"Record the outcome of {name}'s child in care review about the change to family time", Link(childId, p.Id), p.ReviewOn, ct);
                }
                else
                {
                    await NextForWorkerAsync(p, name, ct);
                }
            }
            return errors;
        }, ct);

    public Task<Outcome<Guid>> ReviewAsync(Actor actor, Guid childId, Guid id, bool? agreed, string? notes, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: true, "ReviewOutcome", async p =>
        {
            var errors = p.RecordReview(agreed, notes, Sign(actor), clock.Today());
            if (errors.IsValid)
            {
                await tasks.CompleteAsync(Key(p, "review"), actor.UserId, ct);
                if (p.ReviewAgreed == true)
                {
                    await NextForWorkerAsync(p, await ChildNameAsync(childId, ct), ct);
                }
            }
            return errors;
        }, ct);

    public Task<Outcome<Guid>> CourtAsync(Actor actor, Guid childId, Guid id, DateOnly? agreedOn, string? reference, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: false, "CourtAgreement", async p =>
        {
            var errors = p.RecordCourt(agreedOn, reference, Sign(actor), clock.Today());
            if (errors.IsValid)
            {
                await tasks.CompleteAsync(Key(p, "court"), actor.UserId, ct);
                if (p.Stage == ChangeStage.AwaitingNotices)
                {
                    await NextForWorkerAsync(p, await ChildNameAsync(childId, ct), ct);
                }
            }
            return errors;
        }, ct);

    /// <summary>Writes the notices into the outbox (parents, carers, and the child through their social worker).</summary>
    public Task<Outcome<Guid>> SendNoticesAsync(Actor actor, Guid childId, Guid id, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: false, "NoticesSent", async p =>
        {
            var errors = p.SendNotices(Sign(actor));
            if (!errors.IsValid)
            {
                return errors;
            }
            var leaks = await notices.QueueAsync(p, ct);
            if (leaks.Count > 0)
            {
                return new ValidationErrors().Add("", $"The notice to the family would mention {string.Join(" and ", leaks)}, which tells them where the child lives. Withdraw this proposal and propose it again without it in the reasons.");
            }
            await tasks.CompleteAsync(Key(p, "notices"), actor.UserId, ct);
            await tasks.AddAsync(Key(p, "effect"), TaskKind.TakeEffect, actor.UserId, childId, $"Make the change to {await ChildNameAsync(childId, ct)}'s family time take effect", Link(childId, p.Id), null, ct);
            return errors;
        }, ct);

    /// <summary>The last step: the plan changes (a new version), and the sessions follow.</summary>
    public Task<Outcome<Guid>> TakeEffectAsync(Actor actor, Guid childId, Guid id, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: false, "TookEffect", async p =>
        {
            var plan = await db.ContactPlans.Include(x => x.Arrangements).Include(x => x.Versions).Include(x => x.Considerations)
                .AsSplitQuery().FirstAsync(x => x.ChildId == childId, ct);
            var arrangement = plan.Arrangements.First(a => a.Id == p.ArrangementId);
            var errors = p.TakeEffect(arrangement.Version, Sign(actor));
            if (!errors.IsValid)
            {
                return errors;
            }
            var context = (await contexts.LoadAsync(childId, ct))!;
            var change = new PlanChange($"{p.Summary}: {p.Reasons}", p.CourtAgreedOn, p.CourtReference);
            if (p.EndsArrangement)
            {
                errors = plan.EndArrangement(arrangement.Id, context, new PlanChange(p.Reasons, p.CourtAgreedOn, p.CourtReference), Sign(actor));
            }
            else
            {
                var details = ProposedDetailsJson.Read(p.ProposedDetails!);
                errors = plan.ChangeArrangement(arrangement.Id, details, context, change, Sign(actor));
            }
            if (!errors.IsValid)
            {
                return errors;
            }
            var socialWorker = await db.Children.Where(c => c.Id == childId).Select(c => c.SocialWorkerId).FirstAsync(ct);
            await sessions.StageAsync(arrangement, socialWorker, context.Today, ct);
            await tasks.CompleteAsync($"change:{p.Id}:", actor.UserId, ct);
            return errors;
        }, ct);

    public Task<Outcome<Guid>> WithdrawAsync(Actor actor, Guid childId, Guid id, string? reason, CancellationToken ct) =>
        StepAsync(actor, childId, id, asIro: false, "Withdrawn", async p =>
        {
            var errors = p.Withdraw(reason, Sign(actor));
            if (errors.IsValid)
            {
                await tasks.CompleteAsync($"change:{p.Id}:", actor.UserId, ct);
            }
            return errors;
        }, ct);

    private async Task NextForWorkerAsync(ChangeProposal p, string name, CancellationToken ct)
    {
        var worker = await db.Children.Where(c => c.Id == p.ChildId).Select(c => c.SocialWorkerId).FirstAsync(ct);
        var (key, kind, title) = p.Stage == ChangeStage.AwaitingCourt
            ? (Key(p, "court"), TaskKind.CourtAgreement, $"Record the family court's agreement to the change to {name}'s family time")
            : (Key(p, "notices"), TaskKind.SendNotices, $"The IRO agreed the change to {name}'s family time: send the notices");
        await tasks.AddAsync(key, kind, worker, p.ChildId, title, Link(p.ChildId, p.Id), null, ct);
    }

    private async Task<Outcome<Guid>> StepAsync(Actor actor, Guid childId, Guid id, bool asIro, string label, Func<ChangeProposal, Task<ValidationErrors>> step, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<Guid>.NotFound();
        }
        var proposal = await db.ChangeProposals.FirstOrDefaultAsync(p => p.Id == id && p.ChildId == childId, ct);
        if (proposal is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (asIro)
        {
            var iro = await db.Children.Where(c => c.Id == childId).Select(c => c.IroId).FirstAsync(ct);
            if (iro != actor.UserId || !actor.Scope.Is(Roles.Iro))
            {
                return Outcome<Guid>.Forbidden(IroRefused);
            }
        }
        else if (!canEdit)
        {
            return Outcome<Guid>.Forbidden(ManageRefused);
        }
        var errors = await step(proposal);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        return await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ChangeProposal, id, childId, JsonSerializer.Serialize(new { Step = label, Stage = proposal.Stage.ToString() })), id, ct);
    }

    private async Task<Outcome<Guid>?> RefusedAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<Guid>.NotFound();
        }
        return canEdit ? null : Outcome<Guid>.Forbidden(ManageRefused);
    }

    private async Task<Outcome<Guid>> SaveAsync(Actor actor, AuditNote note, Guid id, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, note, ct);
            return Outcome<Guid>.Ok(id);
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    /// <summary>What changes, in the words the IRO and the family read: before → after for each major part.</summary>
    private async Task<string> SummaryAsync(Arrangement arrangement, ArrangementDetails after, ChangeKinds kinds, CancellationToken ct)
    {
        var before = arrangement.ToDetails();
        var parts = new List<string>();
        if (kinds.HasFlag(ChangeKinds.Frequency))
        {
            parts.Add($"from {before.ToSchedule()?.Describe() ?? PlanWords.Describe(before.Form!.Value)} to {after.ToSchedule()?.Describe() ?? PlanWords.Describe(after.Form!.Value)}");
        }
        if (kinds.HasFlag(ChangeKinds.Venue))
        {
            var rooms = await db.Rooms.AsNoTracking().Where(r => r.Id == before.RoomId || r.Id == after.RoomId)
                .Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { r.Id, Name = v.Name + ", " + r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            string Where(Guid? room) => room is { } id && rooms.TryGetValue(id, out var n) ? n : "no venue";
            parts.Add($"at {Where(after.RoomId)} instead of {Where(before.RoomId)}");
        }
        if (kinds.HasFlag(ChangeKinds.Supervision))
        {
            parts.Add($"{PlanWords.Describe(after.Type!.Value).ToLowerInvariant()} instead of {PlanWords.Describe(before.Type!.Value).ToLowerInvariant()}");
        }
        if (kinds.HasFlag(ChangeKinds.Other))
        {
            var names = await db.SignificantPeople.AsNoTracking().Where(p => before.PersonIds.Contains(p.Id) && !after.PersonIds.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct);
            parts.Add($"without {string.Join(" and ", names)}");
        }
        var text = string.Join("; ", parts);
        return text.Length > 500 ? text[..500] : text;
    }

    private async Task<string> ChildNameAsync(Guid childId, CancellationToken ct) =>
        await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).FirstAsync(ct);

    private Signature Sign(Actor actor) => new(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);

    internal static string Key(ChangeProposal p, string step) => $"change:{p.Id}:{step}";

    internal static string Link(Guid childId, Guid id) => $"/Children/{childId}/Changes/{id}";
}

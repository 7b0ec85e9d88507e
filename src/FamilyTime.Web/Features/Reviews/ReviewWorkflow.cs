using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

public sealed record PastReview(ReviewRecord Record, string What);

/// <summary>Everything the child's reviews page shows.</summary>
public sealed record ChildReviewsView(
    Guid ChildId, string ChildName, bool CanEdit, IReadOnlyList<DueReview> Due, IReadOnlyList<PastReview> Past,
    IndependentVisitorDue? IndependentVisitor, IReadOnlyList<IndependentVisitorDecision> Decisions, int IndependentVisitorMonths);

/// <summary>
/// Reviews of family time and the Independent Visitor decision: completing a review records it, moves the next
/// review date on the arrangement or plan and closes its task, all in one audited save.
/// </summary>
public sealed class ReviewWorkflow(
    FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit, ReviewSchedule schedule,
    IndependentVisitorPrompts prompts, TaskList tasks, TimeProvider clock)
{
    /// <summary>The child's reviews for those who hold the case; null when out of reach or below case access.</summary>
    public async Task<ChildReviewsView?> ReadAsync(UserScope user, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(user, childId, ct);
        if (level < ChildAccess.Case)
        {
            return null;
        }
        var today = clock.Today();
        var child = db.Children.Where(c => c.Id == childId);
        var name = await child.Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).FirstAsync(ct);
        var due = await schedule.ForChildrenAsync(child, today, ct);
        var names = await ArrangementNamesAsync(childId, ct);
        var past = (await db.Reviews.AsNoTracking().Where(r => r.ChildId == childId).ToListAsync(ct))
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RecordedAt)
            .Select(r => new PastReview(r, r.ArrangementId is { } a ? $"Family time with {names.GetValueOrDefault(a, "family")}" : "The whole plan for family time"))
            .ToList();
        var found = await prompts.DueAsync(child, today, ct);
        var prompt = found.Count > 0 ? found[0] : null;
        var decisions = (await db.IndependentVisitorDecisions.AsNoTracking().Where(d => d.ChildId == childId).ToListAsync(ct))
            .OrderByDescending(d => d.DecidedAt).ToList();
        return new ChildReviewsView(childId, name, canEdit, due, past, prompt, decisions, prompts.Months);
    }

    public async Task<Outcome<Guid>> CompleteAsync(Actor actor, Guid childId, Guid? arrangementId, DateOnly? heldOn, string? outcome, DateOnly? nextReviewOn, CancellationToken ct)
    {
        if (await RefusedAsync(actor, childId, "Only the child’s social worker or their team manager can record a review.", ct) is { } refused)
        {
            return refused;
        }
        var today = clock.Today();
        var due = (await schedule.ForChildrenAsync(db.Children.Where(c => c.Id == childId), today, ct)).FirstOrDefault(r => r.ArrangementId == arrangementId);
        if (due is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var by = new Signature(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        var (review, errors) = ReviewRecord.Complete(childId, arrangementId, due.DueOn, heldOn, outcome, nextReviewOn, due.MaxMonths, by, today);
        if (errors.IsValid && review!.NextReviewOn < today)
        {
            // A review held a while ago is recorded late; its next date is still one that can be kept.
            errors.Add("NextReviewOn", "The next review must be today or later");
        }
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        // The review moves the date on what it reviewed; that change is audited beside the review itself.
        AuditNote moved;
        if (arrangementId is { } id)
        {
            var arrangement = await db.Arrangements.FirstAsync(a => a.Id == id, ct);
            arrangement.MoveNextReviewTo(review!.NextReviewOn);
            moved = new AuditNote(AuditAction.Update, AuditRecord.Arrangement, id, childId, AuditedSave.ChangesOf(db.Entry(arrangement)));
        }
        else
        {
            var plan = await db.ContactPlans.FirstAsync(p => p.Id == due.PlanId, ct);
            var notMoved = plan.SetNextReview(review!.NextReviewOn, today);
            if (!notMoved.IsValid)
            {
                return Outcome<Guid>.Invalid(notMoved);
            }
            moved = new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, childId, AuditedSave.ChangesOf(db.Entry(plan)));
        }
        db.Reviews.Add(review);
        // Every open task for this review is done, whatever due date it was raised for.
        await tasks.CompleteAsync(DueReview.TaskKeyPrefix(arrangementId ?? due.PlanId), actor.UserId, ct);
        var created = new AuditNote(AuditAction.Create, AuditRecord.Review, review.Id, childId,
            JsonSerializer.Serialize(new { review.ArrangementId, review.DueOn, review.HeldOn, review.NextReviewOn }));
        return await SaveAsync(actor, [created, moved], review.Id, ct);
    }

    public async Task<Outcome<Guid>> DecideIndependentVisitorAsync(Actor actor, Guid childId, bool? referred, string? reasons, CancellationToken ct)
    {
        if (await RefusedAsync(actor, childId, "Only the child’s social worker or their team manager can record this decision.", ct) is { } refused)
        {
            return refused;
        }
        var by = new Signature(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        var (decision, errors) = IndependentVisitorDecision.Record(childId, referred, reasons, by, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.IndependentVisitorDecisions.Add(decision!);
        await tasks.CompleteAsync(IndependentVisitorDue.TaskKeyPrefix(childId), actor.UserId, ct);
        return await SaveAsync(actor, [new AuditNote(AuditAction.Create, AuditRecord.IndependentVisitorDecision, decision!.Id, childId,
            JsonSerializer.Serialize(new { decision.Referred }))], decision.Id, ct);
    }

    private async Task<Outcome<Guid>?> RefusedAsync(Actor actor, Guid childId, string message, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<Guid>.NotFound();
        }
        return canEdit ? null : Outcome<Guid>.Forbidden(message);
    }

    private async Task<Outcome<Guid>> SaveAsync(Actor actor, IReadOnlyList<AuditNote> notes, Guid id, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, notes, ct);
            return Outcome<Guid>.Ok(id);
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    private async Task<Dictionary<Guid, string>> ArrangementNamesAsync(Guid childId, CancellationToken ct)
    {
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return arrangements.ToDictionary(a => a.Id, a => string.Join(" and ", a.PersonIds.Where(people.ContainsKey).Select(id => people[id])));
    }
}

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

public sealed record ReviewHeld(Guid? ArrangementId, DateOnly? HeldOn, string? Outcome, DateOnly? NextReviewOn, ReviewParticipation Took, string? SupervisionProgress);

/// <summary>
/// A supervised or assessed arrangement the review looks at, with its route to less supervision (what would need to
/// change, and when it is looked at again), so the review records progress against what the parent was told.
/// </summary>
public sealed record SupervisedUnderReview(Guid Id, string With, ArrangementType Type, string? Route, DateOnly? RouteBy);

/// <summary>
/// Records a review of one arrangement, or of the whole plan when no arrangement is named: the review, the next
/// review date moved on what it reviewed, and its tasks done, all in one audited save.
/// </summary>
public sealed class CompleteReview(FamilyTimeDbContext db, AuditedSave audit, ReviewSchedule schedule, TaskList tasks, TimeProvider clock)
{
    /// <summary>The child's review of <paramref name="arrangementId"/> (or of the whole plan) as it falls due; null when there is none.</summary>
    public async Task<DueReview?> DueAsync(ChildContext child, Guid? arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var due = await schedule.ForChildrenAsync(db.Children.Where(c => c.Id == child.ChildId), clock.Today(), ct);
        return due.FirstOrDefault(r => r.ArrangementId == arrangementId);
    }

    /// <summary>
    /// The supervised or assessed arrangements the review covers: the one reviewed, or every running one for a review
    /// of the whole plan. Each review records progress against their route to less supervision (issue 10, item 7).
    /// </summary>
    public async Task<IReadOnlyList<SupervisedUnderReview>> SupervisedAsync(Guid childId, Guid? arrangementId, CancellationToken ct)
    {
        var rows = await db.Arrangements.AsNoTracking()
            .Where(a => a.ChildId == childId && a.EndedOn == null && (arrangementId == null || a.Id == arrangementId)
                && (a.Type == ArrangementType.Supervised || a.Type == ArrangementType.Assessed))
            .Select(a => new { a.Id, a.PersonIds, a.Type, a.RouteToLessSupervision, a.RouteToLessSupervisionBy }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return rows.Select(a => new SupervisedUnderReview(a.Id, Changes.ArrangementNames.Join(a.PersonIds, people), a.Type, a.RouteToLessSupervision, a.RouteToLessSupervisionBy)).OrderBy(a => a.With, StringComparer.Ordinal).ToList();
    }

    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, ReviewHeld command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<Guid>(ChildOperation.ManageChanges) is { } refused)
        {
            return refused;
        }
        var today = clock.Today();
        if (await DueAsync(child, command.ArrangementId, ct) is not { } due)
        {
            return Outcome<Guid>.NotFound();
        }
        var supervised = await SupervisedAsync(child.ChildId, command.ArrangementId, ct);
        var (review, errors) = ReviewRecord.Complete(child.ChildId, command.ArrangementId, due.DueOn, command.HeldOn, command.Outcome, command.NextReviewOn, due.MaxMonths,
            clock.Sign(child.Actor), today, command.Took, supervised.Count > 0, command.SupervisionProgress);
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
        if (command.ArrangementId is { } id)
        {
            var arrangement = await db.Arrangements.FirstAsync(a => a.Id == id, ct);
            arrangement.MoveNextReviewTo(review!.NextReviewOn);
            moved = new AuditNote(AuditAction.Update, AuditRecord.Arrangement, id, child.ChildId, AuditedSave.ChangesOf(db.Entry(arrangement)));
        }
        else
        {
            var plan = await db.ContactPlans.FirstAsync(p => p.Id == due.PlanId, ct);
            var notMoved = plan.SetNextReview(review!.NextReviewOn, today);
            if (!notMoved.IsValid)
            {
                return Outcome<Guid>.Invalid(notMoved);
            }
            moved = new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, child.ChildId, AuditedSave.ChangesOf(db.Entry(plan)));
        }
        db.Reviews.Add(review);
        // Every open task for this review is done, whatever due date it was raised for.
        await tasks.StageAsync(TaskFollowUps.Completing(ReviewTaskKeys.Review(due.Reviewed)), child.Actor.UserId, ct);
        var created = new AuditNote(AuditAction.Create, AuditRecord.Review, review.Id, child.ChildId,
            JsonSerializer.Serialize(new { review.ArrangementId, review.DueOn, review.HeldOn, review.NextReviewOn, review.ChildTookPart, review.CarersTookPart, review.ParentsTookPart }));
        return await audit.SaveOutcomeAsync(child.Actor, [created, moved], review.Id, ct);
    }
}

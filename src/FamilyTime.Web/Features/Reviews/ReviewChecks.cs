using FamilyTime.Data;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Daily: a task for the allocated social worker for each review due within 14 days or overdue.</summary>
public sealed class ReviewsDueCheck(FamilyTimeDbContext db, ReviewSchedule schedule, TaskList tasks) : IDeadlineCheck
{
    public async Task CheckAsync(DateOnly today, CancellationToken ct)
    {
        var reviews = await schedule.ForChildrenAsync(db.Children, today, ct);
        foreach (var review in reviews.Where(r => r.State != ReviewState.NotYetDue))
        {
            await tasks.AddAsync(review.TaskKey, TaskKind.ReviewDue, review.SocialWorkerId, review.ChildId, review.TaskTitle,
                ChildLinks.Reviews(review.ChildId), review.DueOn, ct);
        }
        // A review whose date was moved by a change to the plan, or whose family time ended, no longer asks for the
        // old one: its task is closed so the list holds only reviews that are really due.
        var current = reviews.Select(r => r.TaskKey).ToHashSet(StringComparer.Ordinal);
        var open = await db.Tasks.Where(t => t.Kind == TaskKind.ReviewDue && t.DoneAt == null).Select(t => t.Key).ToListAsync(ct);
        foreach (var key in open.Where(k => !current.Contains(k)))
        {
            await tasks.CompleteAsync(key, JobRunner.DeadlineSweep, ct);
        }
    }
}

/// <summary>Daily: a task for the allocated social worker to consider an Independent Visitor, once per gap.</summary>
public sealed class IndependentVisitorCheck(FamilyTimeDbContext db, IndependentVisitorPrompts prompts, TaskList tasks) : IDeadlineCheck
{
    public async Task CheckAsync(DateOnly today, CancellationToken ct)
    {
        foreach (var due in await prompts.DueAsync(db.Children, today, ct))
        {
            await tasks.AddAsync(due.TaskKey, TaskKind.IndependentVisitor, due.SocialWorkerId, due.ChildId, due.TaskTitle,
                ChildLinks.IndependentVisitor(due.ChildId), due.DueSince, ct);
        }
    }
}

using FamilyTime.Data;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Tasks;

/// <summary>
/// Each person's durable task list, fed by every workflow and scheduled job. Adding and completing only stage the
/// change on the caller's unit of work, so a task is saved with the change that caused it or not at all.
/// </summary>
public sealed class TaskList(FamilyTimeDbContext db, TimeProvider clock)
{
    /// <summary>Adds the task unless one with the same key exists (saved or staged): running twice adds it once.</summary>
    public async Task<bool> AddAsync(string key, TaskKind kind, string assigneeId, Guid? childId, string title, string link, DateOnly? dueOn, CancellationToken ct)
    {
        if (db.Tasks.Local.Any(t => t.Key == key) || await db.Tasks.AnyAsync(t => t.Key == key, ct))
        {
            return false;
        }
        db.Tasks.Add(WorkTask.Create(key, kind, assigneeId, childId, title, link, dueOn, clock.GetUtcNow().UtcDateTime));
        return true;
    }

    /// <summary>Marks done the open tasks whose key starts with <paramref name="keyPrefix"/>: the work they asked for has happened.</summary>
    public async Task<int> CompleteAsync(string keyPrefix, string byId, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var open = await db.Tasks.Where(t => t.Key.StartsWith(keyPrefix) && t.DoneAt == null).ToListAsync(ct);
        foreach (var task in open.Concat(db.Tasks.Local.Where(t => t.Key.StartsWith(keyPrefix, StringComparison.Ordinal) && t.DoneAt == null)).Distinct())
        {
            task.Complete(byId, at);
        }
        return open.Count;
    }

    /// <summary>Stages a step's follow-ups: first what it has done, then what it asks for next.</summary>
    public async Task StageAsync(TaskFollowUps followUps, string byId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        foreach (var prefix in followUps.Done)
        {
            await CompleteAsync(prefix, byId, ct);
        }
        foreach (var t in followUps.Add)
        {
            await AddAsync(t.Key, t.Kind, t.AssigneeId, t.ChildId, t.Title, t.Link, t.DueOn, ct);
        }
    }

    public async Task<IReadOnlyList<WorkTask>> OpenForAsync(string userId, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().Where(t => t.AssigneeId == userId && t.DoneAt == null)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Take(500).ToListAsync(ct);

    /// <summary>A person ticks off one of their own tasks; someone else's is not found, and a decision's task closes only by the decision.</summary>
    public async Task<MarkDoneResult> MarkDoneAsync(Guid id, string userId, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.AssigneeId == userId, ct);
        if (task is null)
        {
            return MarkDoneResult.NotFound;
        }
        if (DecisionTasks.ClosesByDecision(task.Kind))
        {
            return MarkDoneResult.ClosesByDecision;
        }
        task.Complete(userId, clock.GetUtcNow().UtcDateTime);
        return MarkDoneResult.Done;
    }
}

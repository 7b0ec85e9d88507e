using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Inbox;

/// <summary>One open task on the inbox: what to do, for which child, by when, and whether only its decision closes it.</summary>
public sealed record InboxTask(Guid Id, string Title, Guid? ChildId, string? ChildName, string Link, DateOnly? DueOn, bool Overdue, bool ClosesByDecision, bool Urgent = false);

/// <summary>The "Your tasks" part of the inbox: the person's own open tasks, and ticking one off.</summary>
public sealed class InboxTasks(FamilyTimeDbContext db, TaskList tasks, AuditedSave audit, TimeProvider clock)
{
    /// <summary>As many open tasks as the task list API shows.</summary>
    private const int MostShown = 500;

    /// <summary>The person's open tasks, soonest due first, each with its child's name: one query.</summary>
    public async Task<IReadOnlyList<InboxTask>> ForAsync(string userId, CancellationToken ct)
    {
        var today = clock.Today();
        var open = await db.Tasks.AsNoTracking().Where(t => t.AssigneeId == userId && t.DoneAt == null)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Take(MostShown)
            .Select(t => new
            {
                t.Id, t.Title, t.Link, t.DueOn, t.ChildId, t.Kind,
                ChildName = db.Children.Where(c => c.Id == t.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return open.Select(t => new InboxTask(t.Id, t.Title, t.ChildId, t.ChildName, t.Link, t.DueOn, t.DueOn < today, DecisionTasks.ClosesByDecision(t.Kind),
            t.Kind == Domain.Tasks.TaskKind.YoungPersonWantsToTalk)).ToList();
    }

    /// <summary>
    /// Marks the person's own task done, with its audit entry, answering its title; someone else's task is not found,
    /// and a task standing for a decision is refused: it closes when the decision is recorded.
    /// </summary>
    public async Task<(MarkDoneResult Result, string? Title)> MarkDoneAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        var result = await tasks.MarkDoneAsync(taskId, actor.UserId, ct);
        if (result != MarkDoneResult.Done)
        {
            return (result, null);
        }
        var task = db.Tasks.Local.First(t => t.Id == taskId);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Update, AuditRecord.WorkTask, taskId, task.ChildId, JsonSerializer.Serialize(new { Action = "Done" })), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The work the task asked for was recorded at the same moment, which completed it: it is done either way.
        }
        return (result, task.Title);
    }
}

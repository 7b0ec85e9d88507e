using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>One open task on the inbox: what to do, for which child, by when.</summary>
public sealed record InboxTask(Guid Id, string Title, string? ChildName, string Link, DateOnly? DueOn, bool Overdue);

/// <summary>The "Your tasks" part of the inbox: the person's own open tasks, and ticking one off.</summary>
public sealed class InboxTasks(FamilyTimeDbContext db, TaskList tasks, AuditedSave audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxTask>> ForAsync(string userId, CancellationToken ct)
    {
        var today = clock.Today();
        var open = await tasks.OpenForAsync(userId, ct);
        var childIds = open.Where(t => t.ChildId is not null).Select(t => t.ChildId!.Value).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return open.Select(t => new InboxTask(t.Id, t.Title, t.ChildId is { } c ? names.GetValueOrDefault(c) : null, t.Link, t.DueOn, t.DueOn < today)).ToList();
    }

    /// <summary>Marks the person's own task done, with its audit entry, answering its title; someone else's task answers null.</summary>
    public async Task<string?> MarkDoneAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        if (!await tasks.MarkDoneAsync(taskId, actor.UserId, ct))
        {
            return null;
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
        return task.Title;
    }
}

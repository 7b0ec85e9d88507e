using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

/// <summary>The name family time now goes by, and the one it had.</summary>
public sealed record FamilyTimeNamed(string Name, string Was);

/// <summary>
/// The young person says what family time is called. The child's record keeps it through its own rule, the audit log
/// says who changed it from what, and the social worker gets a task to see it (pages, letters and notices use it).
/// </summary>
public sealed class NameFamilyTime(FamilyTimeDbContext db, TaskList tasks, AuditedSave audit)
{
    public async Task<Outcome<FamilyTimeNamed>> NameAsync(ChildContext child, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<FamilyTimeNamed>(ChildOperation.SpeakForSelf) is { } refused)
        {
            return refused;
        }
        var record = await db.Children.FirstAsync(c => c.Id == child.ChildId, ct);
        var was = record.FamilyTimeName;
        var errors = record.RenameFamilyTime(name);
        if (!errors.IsValid)
        {
            return Outcome<FamilyTimeNamed>.Invalid(errors);
        }
        if (record.FamilyTimeName == was)
        {
            // Said again (a retried send): nothing changed, so nothing to tell.
            return Outcome<FamilyTimeNamed>.Ok(new FamilyTimeNamed(was, was));
        }
        var now = record.FamilyTimeName;
        await tasks.AddAsync($"voice-name:{child.ChildId}:{record.Version}", TaskKind.YoungPersonSaid, child.SocialWorkerId, child.ChildId,
            $"{child.PreferredName ?? child.FirstName} wants family time to be called “{now}” (it was “{was}”)", ChildLinks.ChildVoice(child.ChildId), null, ct);
        var changes = JsonSerializer.Serialize(new { FamilyTimeName = new { Was = was, Now = now }, By = "The young person" });
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Child, child.ChildId, child.ChildId, changes)],
            new FamilyTimeNamed(now, was), ct);
    }
}

using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

public sealed record WishesSaid(Guid Id, string? WantToSee, string? InTheirWords, string? NotWantToSee);

/// <summary>
/// A young person says who they want to see (chosen from the people in their life, or in their own words) and,
/// if they like, who they don't. Kept as their wishes for the social worker to consider, shown beside the plan's
/// wishes; the social worker gets a task to read them. A person not in their life is not a choice.
/// </summary>
public sealed class SayWhoToSee(FamilyTimeDbContext db, MyFamilyTime mine, TaskList tasks, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<WishesSaid>> SayAsync(ChildContext child, IReadOnlyCollection<Guid> chosen, string? inTheirWords, string? notWantToSee, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(chosen);
        if (child.Refused<WishesSaid>(ChildOperation.SpeakForSelf) is { } refused)
        {
            return refused;
        }
        var people = await mine.PeopleAsync(child.ChildId, ct);
        if (chosen.Any(id => people.All(p => p.Id != id)))
        {
            return Outcome<WishesSaid>.Invalid(nameof(SeeingWishes.WantToSee), "Choose from the people shown, or write who");
        }
        var labels = people.Where(p => chosen.Contains(p.Id)).Select(p => p.Label).ToList();
        var newest = await db.SeeingWishes.AsNoTracking().Where(w => w.ChildId == child.ChildId).OrderByDescending(w => w.SaidAt).FirstOrDefaultAsync(ct);
        var (wishes, errors) = SeeingWishes.Say(child.ChildId, labels, inTheirWords, notWantToSee, newest, child.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (wishes is null)
        {
            return Outcome<WishesSaid>.Invalid(errors);
        }
        var said = new WishesSaid(wishes.Id, wishes.WantToSee, wishes.InTheirWords, wishes.NotWantToSee);
        if (ReferenceEquals(wishes, newest))
        {
            return Outcome<WishesSaid>.Ok(said);
        }
        db.SeeingWishes.Add(wishes);
        await tasks.AddAsync($"voice-wishes:{wishes.Id}", TaskKind.YoungPersonSaid, child.SocialWorkerId, child.ChildId,
            $"{child.PreferredName ?? child.FirstName} has said who they want to see: their wishes to consider in the plan",
            ChildLinks.ChildVoice(child.ChildId), null, ct);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.YoungPersonVoice, wishes.Id, child.ChildId)], said, ct);
    }
}

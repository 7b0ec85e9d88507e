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

/// <summary>What the young person is told: who will be in touch, a number to ring, and Childline for here and now.</summary>
public sealed record TalkAsked(Guid Id, TalkTo Who, string SocialWorker, string? ServicePhone, bool Repeated)
{
    public const string Childline = "0800 1111";
}

/// <summary>
/// "I want to talk to someone": kept with their words, and an urgent task due today for the social worker (the top of
/// their inbox). The same request key sent again is the same request; another within <see cref="TalkRequest.RepeatWindow"/>
/// keeps its words but joins the task already made, so a second press never makes a second urgent task.
/// </summary>
public sealed class AskToTalk(FamilyTimeDbContext db, TaskList tasks, AuditedSave audit, TimeProvider clock, IConfiguration config)
{
    public async Task<Outcome<TalkAsked>> AskAsync(ChildContext child, Guid requestKey, TalkTo? who, string? words, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<TalkAsked>(ChildOperation.SpeakForSelf) is { } refused)
        {
            return refused;
        }
        var socialWorker = await db.Users.Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var known = await KnownAsync(child.ChildId, requestKey, socialWorker, ct);
        if (known is not null)
        {
            return Outcome<TalkAsked>.Ok(known);
        }
        var last = await db.TalkRequests.AsNoTracking().Where(t => t.ChildId == child.ChildId)
            .OrderByDescending(t => t.AskedAt).Select(t => (DateTime?)t.AskedAt).FirstOrDefaultAsync(ct);
        var (request, errors) = TalkRequest.Ask(child.ChildId, requestKey, who, words, last, child.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (request is null)
        {
            return Outcome<TalkAsked>.Invalid(errors);
        }
        db.TalkRequests.Add(request);
        if (request.MadeTask)
        {
            var name = child.PreferredName ?? child.FirstName;
            await tasks.AddAsync($"voice-talk:{request.Id}", TaskKind.YoungPersonWantsToTalk, child.SocialWorkerId, child.ChildId,
                $"Urgent: {name} wants to talk to {Whom(request.Who)} – get in touch today", ChildLinks.ChildVoice(child.ChildId), clock.Today(), ct);
        }
        var outcome = await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.YoungPersonVoice, request.Id, child.ChildId)],
            Answer(request, socialWorker, repeated: !request.MadeTask), ct);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // The same send arrived twice at once: the one kept is the answer to both.
            db.ChangeTracker.Clear();
            if (await KnownAsync(child.ChildId, requestKey, socialWorker, ct) is { } kept)
            {
                return Outcome<TalkAsked>.Ok(kept);
            }
        }
        return outcome;
    }

    private async Task<TalkAsked?> KnownAsync(Guid childId, Guid requestKey, string socialWorker, CancellationToken ct)
    {
        var known = await db.TalkRequests.AsNoTracking().FirstOrDefaultAsync(t => t.ChildId == childId && t.RequestKey == requestKey, ct);
        return known is null ? null : Answer(known, socialWorker, repeated: true);
    }

    private TalkAsked Answer(TalkRequest request, string socialWorker, bool repeated) =>
        new(request.Id, request.Who, socialWorker.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "", Domain.Common.Text.Clean(config["Council:Phone"]), repeated);

    /// <summary>Who they asked for, in the social worker's words.</summary>
    private static string Whom(TalkTo who) => who switch
    {
        TalkTo.SocialWorker => "you",
        TalkTo.IndependentVisitorOrAdvocate => "their independent visitor or advocate",
        _ => "someone",
    };
}

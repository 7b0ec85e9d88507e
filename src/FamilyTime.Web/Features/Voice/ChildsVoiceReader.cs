using FamilyTime.Data;
using FamilyTime.Domain.Voice;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

/// <summary>One thing the young person said about a session: the newest version first, the earlier kept beside it.</summary>
public sealed record FeelingLine(Guid SessionId, DateOnly SessionDate, FeelingFace Face, string? Words, int Number, DateTime SaidAt);

public sealed record WishesLine(string? WantToSee, string? InTheirWords, string? NotWantToSee, DateTime SaidAt);

public sealed record TalkLine(TalkTo Who, string? Words, DateTime AskedAt, bool MadeTask);

/// <summary>What a young person has said in their own words, for those who hold the case.</summary>
public sealed record ChildsVoiceView(IReadOnlyList<FeelingLine> Feelings, IReadOnlyList<WishesLine> Wishes, IReadOnlyList<TalkLine> Talks)
{
    public bool IsEmpty => Feelings.Count == 0 && Wishes.Count == 0 && Talks.Count == 0;
    public WishesLine? NewestWishes => Wishes.Count == 0 ? null : Wishes[0];
}

/// <summary>Reads the young person's own words for the staff side: how sessions felt, who they want to see, asking to talk.</summary>
public sealed class ChildsVoiceReader(FamilyTimeDbContext db)
{
    private const int MostShown = 50;

    public async Task<ChildsVoiceView> ForAsync(Guid childId, CancellationToken ct)
    {
        var feelings = await db.SessionFeelings.AsNoTracking().Where(f => f.ChildId == childId)
            .Join(db.Sessions, f => f.SessionId, s => s.Id, (f, s) => new { f.SessionId, s.Date, f.Face, f.Words, f.Number, f.SaidAt })
            .OrderByDescending(f => f.Date).ThenByDescending(f => f.Number).Take(MostShown).ToListAsync(ct);
        var wishes = await WishesAsync(childId, MostShown, ct);
        var talks = await db.TalkRequests.AsNoTracking().Where(t => t.ChildId == childId)
            .OrderByDescending(t => t.AskedAt).Take(MostShown)
            .Select(t => new TalkLine(t.Who, t.Words, t.AskedAt, t.MadeTask)).ToListAsync(ct);
        return new ChildsVoiceView(
            feelings.Select(f => new FeelingLine(f.SessionId, f.Date, f.Face, f.Words, f.Number, f.SaidAt)).ToList(), wishes, talks);
    }

    /// <summary>Who they want to see, the newest first.</summary>
    public async Task<IReadOnlyList<WishesLine>> WishesAsync(Guid childId, int most, CancellationToken ct) =>
        await db.SeeingWishes.AsNoTracking().Where(w => w.ChildId == childId)
            .OrderByDescending(w => w.SaidAt).Take(most)
            .Select(w => new WishesLine(w.WantToSee, w.InTheirWords, w.NotWantToSee, w.SaidAt)).ToListAsync(ct);
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Voice;

/// <summary>
/// Who a young person wants to see, and anyone they don't: their wishes for the social worker to consider when the
/// plan is made or reviewed, never a decision. Each time they say it is kept; the newest is what they want now.
/// </summary>
public sealed class SeeingWishes
{
    public const int WordsLength = 500;

    private SeeingWishes() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The people they chose from those in their life, as they were shown to them ("Kelly (Mother)").</summary>
    public string? WantToSee { get; private set; }

    /// <summary>Anyone else they want to see, in their own words.</summary>
    public string? InTheirWords { get; private set; }

    /// <summary>Anyone they don't want to see, in their own words.</summary>
    public string? NotWantToSee { get; private set; }
    public DateTime SaidAt { get; private set; }
    public string SaidById { get; private set; } = "";

    /// <summary>
    /// Something must be said (a person chosen, or words); each part is kept short. Saying again exactly what the
    /// newest says makes nothing new, so a retried send is kept once.
    /// </summary>
    public static (SeeingWishes? Wishes, ValidationErrors Errors) Say(
        Guid childId, IReadOnlyCollection<string> chosen, string? inTheirWords, string? notWantToSee, SeeingWishes? newest, string byId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var errors = new ValidationErrors();
        var want = chosen.Count == 0 ? null : string.Join(", ", chosen.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal));
        errors.MaxLength(nameof(WantToSee), want, WordsLength, "The people you chose");
        errors.MaxLength(nameof(InTheirWords), inTheirWords, WordsLength, "Someone else you want to see");
        errors.MaxLength(nameof(NotWantToSee), notWantToSee, WordsLength, "Who you don't want to see");
        var words = Text.Clean(inTheirWords);
        var not = Text.Clean(notWantToSee);
        if (string.IsNullOrEmpty(want) && words is null && not is null)
        {
            errors.Add(nameof(WantToSee), "Choose someone you want to see, or write who");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        if (newest is not null && newest.WantToSee == want && newest.InTheirWords == words && newest.NotWantToSee == not)
        {
            return (newest, errors);
        }
        return (new SeeingWishes
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            WantToSee = string.IsNullOrEmpty(want) ? null : want,
            InTheirWords = words,
            NotWantToSee = not,
            SaidAt = at,
            SaidById = byId,
        }, errors);
    }
}

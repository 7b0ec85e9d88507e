using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Voice;

/// <summary>Who a young person wants to talk to.</summary>
public enum TalkTo
{
    SocialWorker = 1,
    IndependentVisitorOrAdvocate = 2,
    SomeoneElse = 3,
}

/// <summary>
/// "I want to talk to someone": kept with the young person's few words, and an urgent task for their social worker.
/// A request key (one per form, or the API's) makes a retried send the same request; a second press soon after the
/// first adds its words to the first instead of a second urgent task.
/// </summary>
public sealed class TalkRequest
{
    public const int WordsLength = 500;

    /// <summary>Within this of the last request, another joins it: the social worker is already on their way.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(30);

    private TalkRequest() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>Unique per child: the same key sent twice is one request.</summary>
    public Guid RequestKey { get; private set; }
    public TalkTo Who { get; private set; }
    public string? Words { get; private set; }
    public DateTime AskedAt { get; private set; }
    public string AskedById { get; private set; } = "";

    /// <summary>Whether this request made the urgent task, or joined one asked for a moment before.</summary>
    public bool MadeTask { get; private set; }

    public static string Describe(TalkTo who) => who switch
    {
        TalkTo.SocialWorker => "my social worker",
        TalkTo.IndependentVisitorOrAdvocate => "my independent visitor or advocate",
        TalkTo.SomeoneElse => "someone else",
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Not a choice."),
    };

    /// <summary>A new urgent task unless the last request was within <see cref="RepeatWindow"/>.</summary>
    public static bool MakesTask(DateTime? lastAskedAt, DateTime now) => lastAskedAt is not { } last || now - last >= RepeatWindow;

    public static (TalkRequest? Request, ValidationErrors Errors) Ask(
        Guid childId, Guid requestKey, TalkTo? who, string? words, DateTime? lastAskedAt, string byId, DateTime at)
    {
        var errors = new ValidationErrors();
        if (who is not { } w || !Enum.IsDefined(w))
        {
            errors.Add(nameof(Who), "Choose who you want to talk to");
        }
        errors.MaxLength(nameof(Words), words, WordsLength, "Your words");
        if (requestKey == Guid.Empty)
        {
            errors.Add(nameof(RequestKey), "Send the form again");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new TalkRequest
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            RequestKey = requestKey,
            Who = who!.Value,
            Words = Text.Clean(words),
            AskedAt = at,
            AskedById = byId,
            MadeTask = MakesTask(lastAskedAt, at),
        }, errors);
    }
}

using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Voice;

/// <summary>
/// How a session felt, in the young person's own face and words. One per session per young person, changed by a
/// new numbered version: the earlier one is kept (words are never lost), the newest is what they feel now.
/// </summary>
public sealed class SessionFeeling
{
    public const int WordsLength = 500;

    private SessionFeeling() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid SessionId { get; private set; }

    /// <summary>1 for the first, then one more each time they change it; unique per session, so two saves at once cannot both be the next.</summary>
    public int Number { get; private set; }
    public FeelingFace Face { get; private set; }
    public string? Words { get; private set; }
    public DateTime SaidAt { get; private set; }
    public string SaidById { get; private set; } = "";

    /// <summary>
    /// Says how a session felt. Only a session of the young person's own that was held (it took place, even if it
    /// ended early) can be felt about; the face is needed, the words are optional and kept short. Saying again what
    /// the newest version already says makes nothing new (a retried send); anything else is the next version.
    /// </summary>
    public static (SessionFeeling? Feeling, ValidationErrors Errors) Say(
        Guid childId, Guid sessionChildId, Guid sessionId, SessionStatus status, SessionFeeling? newest,
        FeelingFace? face, string? words, string byId, DateTime at)
    {
        var errors = new ValidationErrors();
        if (sessionChildId != childId)
        {
            errors.Add("Session", "This is not one of your sessions");
            return (null, errors);
        }
        if (!FamilyTimeSession.IsHeld(status))
        {
            errors.Add("Session", "You can say how it felt after it has happened");
        }
        if (face is not { } f || !Enum.IsDefined(f))
        {
            errors.Add(nameof(Face), "Choose the face that shows how it felt");
        }
        errors.MaxLength(nameof(Words), words, WordsLength, "Your words");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var clean = Text.Clean(words);
        if (newest is not null && newest.Face == face && newest.Words == clean)
        {
            return (newest, errors);
        }
        return (new SessionFeeling
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            SessionId = sessionId,
            Number = (newest?.Number ?? 0) + 1,
            Face = face!.Value,
            Words = clean,
            SaidAt = at,
            SaidById = byId,
        }, errors);
    }
}

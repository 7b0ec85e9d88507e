using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Records;

public enum FeedbackFrom
{
    Child = 1,
    Parent = 2,
    Carer = 3,
    Staff = 4,
}

public enum FeedbackKind
{
    Comment = 1,
    Compliment = 2,
    Complaint = 3,

    /// <summary>A concern about a venue's standards (the venue feedback form).</summary>
    VenueConcern = 4,
}

/// <summary>
/// A comment, compliment or complaint about a session or a venue, routed to the person who should act on it, and
/// where it has got to: new, read (who and when), answered (who, when, the words and how). See <see cref="FeedbackState"/>.
/// </summary>
public sealed class Feedback : IVersioned
{
    public const int MaxText = 4000;

    /// <summary>An answer is read by a family on a phone: long enough for a real reply, short enough to be read.</summary>
    public const int MaxAnswer = 2000;

    private Feedback() { }

    public Guid Id { get; private set; }
    public Guid? SessionId { get; private set; }
    public Guid? ChildId { get; private set; }
    public Guid? VenueId { get; private set; }
    public FeedbackFrom From { get; private set; }
    public FeedbackKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string? RoutedToUserId { get; private set; }
    public DateTime At { get; private set; }
    public string ById { get; private set; } = "";

    /// <summary>New until its receiver reads it; answered once, for good (see <see cref="Answer"/>).</summary>
    public FeedbackState State { get; private set; } = FeedbackState.New;
    public string? ReadById { get; private set; }
    public DateTime? ReadAt { get; private set; }
    public string? AnsweredById { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The answer's words, as the person who gave the feedback will read them.</summary>
    public string? AnswerText { get; private set; }
    public FeedbackAnswerWay? AnsweredHow { get; private set; }

    /// <summary>The concurrency check: two people answering at once, one wins and the other is told.</summary>
    public int Version { get; set; }

    public static (Feedback? Feedback, ValidationErrors Errors) Give(
        Guid? sessionId, Guid? childId, Guid? venueId, FeedbackFrom? from, FeedbackKind? kind, string? text, string? routedTo, string byId, DateTime at)
    {
        var errors = new ValidationErrors();
        if (from is not { } f || !Enum.IsDefined(f))
        {
            errors.Add(nameof(From), "Say who the feedback is from");
        }
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(nameof(Kind), "Choose comment, compliment, complaint or venue concern");
        }
        else if (k == FeedbackKind.VenueConcern && venueId is null)
        {
            errors.Add(nameof(VenueId), "A venue concern needs the venue it is about");
        }
        if (sessionId is null && venueId is null)
        {
            errors.Add("", "Feedback is about a session or a venue");
        }
        errors.Required(nameof(Text), text, "Write the feedback");
        errors.MaxLength(nameof(Text), text, MaxText, "Feedback");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new Feedback
        {
            Id = Guid.NewGuid(), SessionId = sessionId, ChildId = childId, VenueId = venueId, From = from!.Value, Kind = kind!.Value,
            Text = text!.Trim(), RoutedToUserId = routedTo, At = at, ById = byId,
        }, errors);
    }

    /// <summary>
    /// The receiver has read it. Reading twice, or reading what is already answered, changes nothing: the first
    /// reader and time stay, so "read" always says when it was first seen.
    /// </summary>
    /// <returns>Whether anything changed (nothing to save or audit otherwise).</returns>
    public bool MarkRead(string byId, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byId);
        if (State != FeedbackState.New)
        {
            return false;
        }
        State = FeedbackState.Read;
        ReadById = byId;
        ReadAt = at;
        return true;
    }

    /// <summary>
    /// Answers it, in words the giver will read and saying how the answer was given. An unread item is read by
    /// answering it. An answer is given once: it is what the family was told, so a second answer is refused rather
    /// than rewriting what they read; anything more is said to them directly (or through the complaints procedure).
    /// </summary>
    public ValidationErrors Answer(string? text, FeedbackAnswerWay? how, string byId, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byId);
        var errors = new ValidationErrors();
        if (State == FeedbackState.Answered)
        {
            return errors.Add("", AlreadyAnswered);
        }
        if (how is not { } way || !Enum.IsDefined(way))
        {
            errors.Add(nameof(AnsweredHow), "Choose how you answered: in writing here, by phone, in person or through the complaints procedure");
        }
        errors.Required(nameof(AnswerText), text, "Write the answer: the person who gave the feedback will read it");
        errors.MaxLength(nameof(AnswerText), text, MaxAnswer, "The answer");
        if (!errors.IsValid)
        {
            return errors;
        }
        MarkRead(byId, at);
        State = FeedbackState.Answered;
        AnswerText = text!.Trim();
        AnsweredHow = how;
        AnsweredById = byId;
        AnsweredAt = at;
        return errors;
    }

    public const string AlreadyAnswered = "This feedback has already been answered. The answer stays as it was given; if there is more to say, say it to the person directly.";

    /// <summary>
    /// A complaint's answer tells the family they can take it further (the council's complaints procedure) if they
    /// are not happy with it: shown beside every answer to a complaint, so no worker has to remember to write it.
    /// </summary>
    public bool TellsOfComplaintsProcedure => Kind == FeedbackKind.Complaint;
}

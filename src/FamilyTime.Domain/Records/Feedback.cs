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

/// <summary>A comment, compliment or complaint about a session or a venue, routed to the person who should act on it.</summary>
public sealed class Feedback
{
    public const int MaxText = 4000;

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
}

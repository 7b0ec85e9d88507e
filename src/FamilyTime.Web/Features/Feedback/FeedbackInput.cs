using FamilyTime.Domain.Records;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>The feedback form, shared by the session and venue pages.</summary>
public sealed class FeedbackInput
{
    /// <summary>Text, so a tampered value gets the plain-words "choose…" message rather than the framework's.</summary>
    public string? Kind { get; set; }

    public string? Text { get; set; }

    /// <summary>Staff only: what is written is what the child said.</summary>
    public bool ChildsOwnWords { get; set; }

    public FeedbackKind? KindValue =>
        Enum.TryParse<FeedbackKind>(Kind, ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _) ? k : null;

    /// <summary>The domain's field errors on the form's fields: a venue concern without a venue belongs to the kind.</summary>
    public static Dictionary<string, string[]> FormErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key switch
            {
                "Text" => "Input.Text",
                "Kind" or "VenueId" => "Input.Kind",
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
}

/// <summary>The words for feedback on the page.</summary>
public static class FeedbackWords
{
    public static IEnumerable<SelectListItem> Kinds(bool venueFirst, bool offerVenueConcern)
    {
        var concern = new SelectListItem("A concern about the venue: the room, cleanliness, safety or getting in", nameof(FeedbackKind.VenueConcern));
        var others = new[]
        {
            new SelectListItem("A comment", nameof(FeedbackKind.Comment)),
            new SelectListItem("A compliment: something that went well", nameof(FeedbackKind.Compliment)),
            new SelectListItem("A complaint: something that went wrong", nameof(FeedbackKind.Complaint)),
        };
        return !offerVenueConcern ? others : venueFirst ? [concern, .. others] : [.. others, concern];
    }

    public static string Kind(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Comment => "Comment",
        FeedbackKind.Compliment => "Compliment",
        FeedbackKind.Complaint => "Complaint",
        FeedbackKind.VenueConcern => "Venue concern",
        _ => kind.ToString(),
    };

    public static string From(FeedbackFrom from) => from switch
    {
        FeedbackFrom.Child => "The child, in their own words",
        FeedbackFrom.Parent => "A parent or family member",
        FeedbackFrom.Carer => "A carer",
        FeedbackFrom.Staff => "Staff",
        _ => from.ToString(),
    };

    public static string TagClass(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Complaint => "govuk-tag govuk-tag--red",
        FeedbackKind.Compliment => "govuk-tag govuk-tag--green",
        FeedbackKind.VenueConcern => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string State(FeedbackState state) => state switch
    {
        FeedbackState.New => "New",
        FeedbackState.Read => "Read",
        FeedbackState.Answered => "Answered",
        _ => state.ToString(),
    };

    public static string StateTagClass(FeedbackState state) => state switch
    {
        FeedbackState.New => "govuk-tag govuk-tag--blue",
        FeedbackState.Read => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--green",
    };

    /// <summary>How the answer was given, as the answer form offers it and the answer reads.</summary>
    public static string How(FeedbackAnswerWay how) => how switch
    {
        FeedbackAnswerWay.InWriting => "In writing here",
        FeedbackAnswerWay.ByPhone => "By phone",
        FeedbackAnswerWay.InPerson => "In person",
        FeedbackAnswerWay.ComplaintsProcedure => "Through the council’s complaints procedure",
        _ => how.ToString(),
    };

    public static IEnumerable<SelectListItem> Ways() =>
        Enum.GetValues<FeedbackAnswerWay>().Select(w => new SelectListItem(How(w), w.ToString()));

    /// <summary>Beside every answer to a complaint, on the staff page and the family's: they can take it further.</summary>
    public const string ComplaintsProcedure =
        "If you are not happy with this answer, you can make a complaint through the council’s complaints procedure. Your social worker or the family time team can tell you how, or help you do it.";

    public static string Thanks(FeedbackGiven given) => given.SentTo is null
        ? "Thank you. Your feedback has been kept with the venue’s record; no family time coordinator covers this area yet."
        : $"Thank you. Your feedback has been sent to {given.SentTo}.";
}

using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>The answer form: how it was answered and the words, with the version of the feedback the form was opened on.</summary>
public sealed class FeedbackAnswerInput
{
    /// <summary>Text, so a tampered value gets the plain-words "choose…" message rather than the framework's.</summary>
    public string? How { get; set; }

    public string? Text { get; set; }

    public int? Version { get; set; }

    public FeedbackAnswerWay? HowValue => EnumNames.TryParse<FeedbackAnswerWay>(How, out var way) ? way : null;

    /// <summary>The domain's field errors on the form's fields.</summary>
    public static Dictionary<string, string[]> FormErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key switch
            {
                nameof(Domain.Records.Feedback.AnswerText) => "Input.Text",
                nameof(Domain.Records.Feedback.AnsweredHow) => "Input.How",
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
}

/// <summary>
/// Answering one piece of feedback, on its own page so the form works without JavaScript and its errors link to its
/// fields. For the person it was sent to, the child's team manager, or an administrator (a venue alone); anyone else,
/// and feedback already answered, is answered "not found" and the list respectively.
/// </summary>
[StaffOnly]
public sealed class AnswerModel(RespondToFeedback respond) : PageModel
{
    [BindProperty]
    public FeedbackAnswerInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public FeedbackItem Item { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid feedbackId, CancellationToken ct)
    {
        if (await LoadAsync(feedbackId, ct) is { } missing)
        {
            return missing;
        }
        Input.Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid feedbackId, CancellationToken ct)
    {
        var outcome = await respond.AnswerAsync(User.Actor(), feedbackId, new FeedbackAnswer(Input.Text, Input.HowValue, Input.Version), ct);
        // Shown again (a problem, or someone else's answer first), the page reads the feedback as it now stands.
        if (outcome.Kind != OutcomeKind.Ok && await LoadAsync(feedbackId, ct) is { } missing)
        {
            return missing;
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // Someone else changed it: a second try is made against what the page now shows.
            Input.Version = Item.Version;
        }
        return this.Answer(outcome, id =>
        {
            Saved = "Your answer has been saved.";
            return Redirect($"/Feedback?show={FeedbackShown.Answered}#feedback-{id}");
        }, fields: FeedbackAnswerInput.FormErrors, problemStatus: true);
    }

    private async Task<IActionResult?> LoadAsync(Guid feedbackId, CancellationToken ct)
    {
        if (await respond.FindAsync(User.Actor(), feedbackId, ct) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        return null;
    }
}

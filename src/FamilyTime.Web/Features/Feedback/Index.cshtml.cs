using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>What the list shows: feedback still to answer (new and read, the default), one state, or everything.</summary>
public enum FeedbackShown
{
    ToAnswer = 0,
    New = 1,
    Read = 2,
    Answered = 3,
    All = 4,
}

/// <summary>
/// "Feedback for you": what has been routed to the signed-in user, about children they still reach, with where each
/// has got to; the unanswered first shown. A team manager or an administrator also reaches the feedback sent to
/// others that they may answer (<see cref="FeedbackWhose.Others"/>).
/// </summary>
[StaffOnly]
public sealed class IndexModel(FeedbackInbox inbox, RespondToFeedback respond) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public FeedbackShown Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeedbackWhose Whose { get; set; } = FeedbackWhose.You;

    [TempData]
    public string? Saved { get; set; }

    /// <summary>A team manager answers for their team's social workers; an administrator for venues nobody else covers.</summary>
    public bool MayAnswerForOthers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        MayAnswerForOthers = user.Is(Roles.TeamManager) || user.Is(Roles.Administrator);
        if (!Enum.IsDefined(Show))
        {
            Show = FeedbackShown.ToAnswer;
        }
        if (!Enum.IsDefined(Whose) || !MayAnswerForOthers)
        {
            Whose = FeedbackWhose.You;
        }
        Items = await inbox.ForAsync(user, ct, States(Show), Whose);
    }

    /// <summary>"Mark as read": the list again, where it was, with a note of what changed.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid feedbackId, CancellationToken ct)
    {
        var outcome = await respond.MarkReadAsync(User.Actor(), feedbackId, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        Saved = "The feedback is marked as read.";
        return Redirect(Link(Show, Whose) + $"#feedback-{feedbackId}");
    }

    public static IReadOnlyCollection<FeedbackState> States(FeedbackShown shown) => shown switch
    {
        FeedbackShown.New => [FeedbackState.New],
        FeedbackShown.Read => [FeedbackState.Read],
        FeedbackShown.Answered => [FeedbackState.Answered],
        FeedbackShown.All => [],
        _ => [FeedbackState.New, FeedbackState.Read],
    };

    public static string Link(FeedbackShown show, FeedbackWhose whose) =>
        "/Feedback" + (show, whose) switch
        {
            (FeedbackShown.ToAnswer, FeedbackWhose.You) => "",
            (_, FeedbackWhose.You) => $"?show={show}",
            (FeedbackShown.ToAnswer, _) => $"?whose={whose}",
            _ => $"?show={show}&whose={whose}",
        };
}

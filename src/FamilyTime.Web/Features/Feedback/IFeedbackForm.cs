using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>What the shared feedback form (_FeedbackForm.cshtml) needs from its page.</summary>
public interface IFeedbackForm
{
    FeedbackInput Input { get; }

    IEnumerable<SelectListItem> KindOptions { get; }

    /// <summary>Staff may write down the child's own words; parents and carers speak for themselves.</summary>
    bool IsStaff { get; }

    string? Saved { get; }
}

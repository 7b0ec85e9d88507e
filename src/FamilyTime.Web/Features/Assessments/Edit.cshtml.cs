using FamilyTime.Domain.Access;
using FamilyTime.Domain.Assessments;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Assessments;

/// <summary>
/// Writes the assessment: the form starts from the newest version, and saving makes the next version (nothing
/// earlier is changed). Each box is named by its question's key, so the error summary links to it.
/// </summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class EditModel(AssessmentReader reader) : PageModel
{
    /// <summary>The prefix of each box's name and id, so they cannot clash with anything else on the page.</summary>
    public const string Prefix = "q-";

    public Dictionary<string, string?> Answers { get; private set; } = new(StringComparer.Ordinal);

    public int NextNumber { get; private set; } = 1;

    public string ChildName { get; private set; } = "";

    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var latest = await reader.LatestAsync(child.ChildId, ct);
        Show(child, latest?.Number ?? 0);
        Answers = latest?.Answers.ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveAssessment save, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        // Only the boxes of the form are read; anything else posted is not a question and is ignored.
        Answers = AssessmentQuestions.All.ToDictionary(q => q.Key, q => (string?)Request.Form[Prefix + q.Key].ToString(), StringComparer.Ordinal);
        var outcome = await save.HandleAsync(child, Answers, ct);
        return await this.AnswerAsync(outcome, number =>
        {
            TempData["Saved"] = $"Version {number} of the assessment is saved.";
            return Redirect(AssessmentLinks.Index(child.ChildId));
        }, async show =>
        {
            Show(child, await reader.LatestAsync(child.ChildId, ct) is { } latest ? latest.Number : 0);
            return show();
        }, prefix: Prefix);
    }

    private void Show(ChildContext child, int latest)
    {
        ChildId = child.ChildId;
        ChildName = child.PreferredName ?? child.FirstName;
        NextNumber = latest + 1;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(Prefix + key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

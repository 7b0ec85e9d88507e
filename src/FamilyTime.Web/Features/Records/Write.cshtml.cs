using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Language;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Records;

/// <summary>Writes a session's record, or a correction of it (a new version with its reason).</summary>
[ForChild(ChildOperation.WriteRecord)]
public sealed class WriteModel(ReadRecord read, SubmitRecord submit, CorrectRecord correct, LanguageCheck language) : PageModel
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public RecordPage View { get; private set; } = default!;
    public bool IsCorrection => View.Record is not null;
    public bool IsAssessed => View.Facts.Type == ArrangementType.Assessed;
    public IReadOnlyList<SelectListItem> Vocabulary { get; private set; } = [];
    public Language.WordAdviceModel WordAdvice { get; private set; } = Language.WordAdviceModel.None;

    /// <summary>The words were just checked: the page opens on the advice.</summary>
    public bool Checked { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => WithSessionAsync(sessionId, () =>
    {
        if (View.Record is { } record)
        {
            Input = RecordForm.From(record.Current, record.Version);
        }
        else
        {
            Input.StartedAt = View.Facts.Session.StartTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        return Task.FromResult<IActionResult>(Page());
    }, ct);

    /// <summary>Looks at the words only: nothing is saved.</summary>
    public Task<IActionResult> OnPostCheckAsync(Guid sessionId, CancellationToken ct) => WithSessionAsync(sessionId, () =>
    {
        ModelState.Clear();
        Checked = true;
        WordAdvice = Language.WordAdviceModel.Check(language, View.Facts.FamilyTimeName, Input.Texts().Select(t => ("Input." + t.Field, t.Label, t.Text)));
        if (!WordAdvice.Any)
        {
            TempData.Remove("Checked");
            ViewData["Checked"] = "No words to think about were found.";
        }
        return Task.FromResult<IActionResult>(Page());
    }, ct);

    public Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken ct) => WithSessionAsync(sessionId, async () =>
    {
        var errors = new ValidationErrors();
        var content = Input.Read(View.Record?.Current.AgeBand ?? View.Facts.AgeBand, errors);
        var child = await HttpContext.ChildAsync();
        var outcome = !errors.IsValid ? Outcome<Guid>.Invalid(errors)
            : IsCorrection
                ? await correct.HandleAsync(child, new CorrectRecordCommand(sessionId, content, Input.CorrectionReason, Input.Version), ct)
                : await submit.HandleAsync(child, new SubmitRecordCommand(sessionId, content), ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = IsCorrection
                ? "The correction is saved as a new version; the earlier version stays readable. The social worker will read it again."
                : "The record is sent to the social worker to read.";
            return Redirect(ChildLinks.Session(id, sessionId));
        }, "Input.");
    }, ct);

    /// <summary>Reads the session, refuses one this person may not write a record for, and otherwise goes on with <paramref name="then"/>.</summary>
    private async Task<IActionResult> WithSessionAsync(Guid sessionId, Func<Task<IActionResult>> then, CancellationToken ct) =>
        await this.AnswerAsync(await read.HandleAsync(await HttpContext.ChildAsync(), sessionId, ct), async view =>
        {
            View = view;
            if (!View.Facts.CanWrite || !View.Facts.NeedsRecord)
            {
                return this.Refuse(View.Facts.NeedsRecord
                    ? "A session's record is written by the person who supervised it, or by the child's social worker or team manager."
                    : "Unsupervised family time has no session record: the carer checks with the child before and after.");
            }
            var band = View.Record?.Current.AgeBand ?? View.Facts.AgeBand;
            Vocabulary = AgeBands.Vocabulary(band).Select(v => new SelectListItem(v.Words, v.Code)).ToList();
            return await then();
        });
}

using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Analysis;

/// <summary>
/// The social worker's analysis of family time with one person over a period: the chronology and a draft drawn
/// from the records, which the worker edits and saves as the assessment; saved ones download as a court PDF.
/// </summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(PeriodAnalysis analysis, IConfiguration config, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public AnalysisSubject Subject { get; private set; } = default!;
    public AnalysisResult? Result { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => WithSubjectAsync(async () =>
    {
        if (PersonId is null && From.IsEmpty && To.IsEmpty)
        {
            // A first visit: offer the last three months, the usual span between reviews.
            From = DateParts.From(clock.Today().AddMonths(-3));
            To = DateParts.From(clock.Today());
            return Page();
        }
        var (from, to) = Dates();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var summary = await SummariseAsync(from, to, ct);
        Text = Result?.Summary.Draft;
        return summary;
    }, ct);

    [ForChild(PeriodAnalysis.SaveOperation)]
    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => WithSubjectAsync(async () =>
    {
        var (from, to) = Dates();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await analysis.SaveAsync(await HttpContext.ChildAsync(), PersonId, from, to, Text, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = $"The assessment of family time with {Subject.People.First(p => p.Id == PersonId).Name} has been saved. You can download it for court below.";
            return Redirect($"{ChildLinks.Analysis(id)}?PersonId={PersonId}&From.Day={from:%d}&From.Month={from:%M}&From.Year={from:yyyy}&To.Day={to:%d}&To.Month={to:%M}&To.Year={to:yyyy}#saved");
        }, again: async show =>
        {
            if (outcome.Errors is { } errors && errors.Keys.All(k => k == "Text"))
            {
                // Only the text was wrong: show the chronology again beside it.
                await SummariseAsync(from, to, ct);
            }
            return show();
        });
    }, ct);

    /// <summary>A saved assessment as a court-ready PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid assessmentId, CancellationToken ct) =>
        this.Answer(await analysis.DocumentAsync(await HttpContext.ChildAsync(), assessmentId, ct), d =>
        {
            var pdf = AnalysisPdf.Render(d, config["Council:Name"] ?? "Children's services");
            return File(pdf, "application/pdf", $"assessment-{d.Assessment.From:yyyy-MM-dd}-to-{d.Assessment.To:yyyy-MM-dd}.pdf");
        });

    /// <summary>Reads who and what the analysis can be about, then goes on with <paramref name="then"/>.</summary>
    private async Task<IActionResult> WithSubjectAsync(Func<Task<IActionResult>> then, CancellationToken ct) =>
        await this.AnswerAsync(await analysis.SubjectAsync(await HttpContext.ChildAsync(), ct), async subject =>
        {
            Subject = subject;
            return await then();
        });

    private (DateOnly? From, DateOnly? To) Dates()
    {
        var errors = new ValidationErrors();
        var from = From.ToDate("From", "The first day", errors);
        var to = To.ToDate("To", "The last day", errors);
        ModelState.AddAll(errors.ByField, "");
        return (from, to);
    }

    /// <summary>The chronology and draft for the period, or the page with why they cannot be drawn up.</summary>
    private async Task<IActionResult> SummariseAsync(DateOnly? from, DateOnly? to, CancellationToken ct) =>
        this.Answer(await analysis.SummariseAsync(await HttpContext.ChildAsync(), PersonId, from, to, ct), result =>
        {
            Result = result;
            return Page();
        });
}

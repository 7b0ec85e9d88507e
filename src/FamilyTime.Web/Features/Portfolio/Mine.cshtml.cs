using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Travel;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>The certificate form as typed.</summary>
public sealed class CertificateInput
{
    public string? Title { get; set; }
    public DateParts AwardedOn { get; set; } = new();
}

/// <summary>
/// A parent's portfolio: their family time so far (held, times they couldn't come, cancelled by us), the goals and
/// achievements agreed with their worker, and their certificates, which they add themselves.
/// </summary>
[PortalOnly]
public sealed class MineModel(PortfolioReader reader, PortfolioChanges changes) : PageModel
{
    [BindProperty]
    public CertificateInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? CertificateFile { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public PortfolioView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await reader.ForAsync(User.Actor(), ct);
        if (TooLarge)
        {
            ModelState.AddModelError(nameof(CertificateFile), Domain.Travel.FileSniffer.TooLarge);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (content, problem) = await Uploads.ReadAsync(CertificateFile, ct);
        var dateErrors = new Domain.Common.ValidationErrors();
        var awarded = Input.AwardedOn.ToDate("Input.AwardedOn", "The date it was awarded", dateErrors);
        if (!dateErrors.IsValid)
        {
            View = await reader.ForAsync(User.Actor(), ct);
            ModelState.AddAll(dateErrors.ByField, "");
            return Page();
        }
        var outcome = await changes.AddCertificateAsync(User.Actor(), new CertificateCommand(Input.Title, awarded, content, problem), ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "Your certificate has been added to your portfolio.";
            return Redirect("/Portal/Portfolio");
        }, again: async show => { View = await reader.ForAsync(User.Actor(), ct); return show(); },
        fields: errors => errors.ToDictionary(e => e.Key switch { "Title" => "Input.Title", "AwardedOn" => "Input.AwardedOn", "File" => nameof(CertificateFile), _ => "" }, e => e.Value),
        problemStatus: true);
    }
}

using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// A claim's receipt: to the person who claimed and the team manager who decides it; anyone else, another parent
/// included, is answered "not found". Always a download, never shown as a page.
/// </summary>
[AnyoneSignedIn]
public sealed class ReceiptModel(TravelFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid claimId, CancellationToken ct)
    {
        var file = await files.ReceiptAsync(User.Actor(), claimId, ct);
        if (file is null)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(file.Content, Domain.Travel.FileSniffer.ContentType(file.Kind), file.DownloadName($"receipt-{claimId.ToString()[..8]}"));
    }
}

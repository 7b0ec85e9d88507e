using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>A certificate's file, to its owner only, as a download with the type its content has and nosniff.</summary>
[PortalOnly]
public sealed class CertificateFileModel(PortfolioChanges changes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid certificateId, CancellationToken ct)
    {
        if (await changes.CertificateFileAsync(User.Actor(), certificateId, ct) is not { } found)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(found.File.Content, Domain.Travel.FileSniffer.ContentType(found.File.Kind), found.File.DownloadName("certificate"));
    }
}

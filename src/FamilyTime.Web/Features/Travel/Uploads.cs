using FamilyTime.Domain.Travel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// Reads an uploaded file for <see cref="StoredFile.From"/>: a file over 5 MB is refused by its length before it is
/// read. What it is gets decided from its bytes later; its name and Content-Type are never looked at.
/// </summary>
public static class Uploads
{
    /// <summary>
    /// The body a route that takes an upload may send: a 5 MB file, the form's other fields and the multipart
    /// framing, with room to spare so a file a little too big reaches the page and gets its plain message.
    /// </summary>
    public const long UploadBodyBytes = 12 * 1024 * 1024;

    public static async Task<(byte[]? Content, string? Problem)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, null);
        }
        if (file.Length == 0)
        {
            return (null, FileSniffer.Empty);
        }
        if (file.Length > FileSniffer.MaxBytes)
        {
            return (null, FileSniffer.TooLarge);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// Sends a stored file to someone allowed to see it: as an attachment with a name of ours, the type its content
    /// has, and nosniff, so a browser never runs it as a page whatever was uploaded.
    /// </summary>
    public static FileContentHttpResult Download(HttpContext http, StoredFile file, string stem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(file.Content, FileSniffer.ContentType(file.Kind), file.DownloadName(stem));
    }
}

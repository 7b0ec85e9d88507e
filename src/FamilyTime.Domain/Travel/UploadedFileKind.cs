namespace FamilyTime.Domain.Travel;

/// <summary>The kinds of file a family may upload (a receipt, a certificate), known by their first bytes.</summary>
public enum UploadedFileKind
{
    Jpeg = 1,
    Png = 2,
    Heic = 3,
    Pdf = 4,
}

/// <summary>
/// What a file is, read from its content (its "magic bytes"), never from its name or the Content-Type the browser
/// sent: a renamed program or text file is refused whatever it is called.
/// </summary>
public static class FileSniffer
{
    /// <summary>5 MB: a phone photo of a receipt or a scanned certificate fits; anything bigger is refused with a clear message.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string TooLarge = "The file must be 5 MB or smaller. Take the photo again at a lower size, or send a PDF.";
    public const string WrongKind = "The file must be a photo (JPEG, PNG or HEIC) or a PDF.";
    public const string Empty = "The file is empty. Choose the photo or PDF again.";

    // HEIF family brands (ISO/IEC 23008-12): the 'ftyp' box's major or compatible brand says it is HEIC/HEIF.
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    public static UploadedFileKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return UploadedFileKind.Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return UploadedFileKind.Png;
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return UploadedFileKind.Pdf;
        }
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var size = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
            var end = Math.Min(head.Length, size < 16 ? 16 : size);
            // Major brand at 8, then compatible brands from 16, four bytes each.
            for (var at = 8; at + 4 <= end; at += 4)
            {
                if (at == 12)
                {
                    continue; // the minor version, not a brand
                }
                var brand = System.Text.Encoding.ASCII.GetString(head.Slice(at, 4));
                if (HeifBrands.Contains(brand, StringComparer.Ordinal))
                {
                    return UploadedFileKind.Heic;
                }
            }
        }
        return null;
    }

    /// <summary>Checks a whole upload: not empty, at most <see cref="MaxBytes"/>, and a kind we take. Answers the kind or the problem.</summary>
    public static (UploadedFileKind? Kind, string? Problem) Check(long length, ReadOnlySpan<byte> head)
    {
        if (length <= 0)
        {
            return (null, Empty);
        }
        if (length > MaxBytes)
        {
            return (null, TooLarge);
        }
        return Sniff(head) is { } kind ? (kind, null) : (null, WrongKind);
    }

    /// <summary>The type the file is served back as: from what it is, never from what the uploader said.</summary>
    public static string ContentType(UploadedFileKind kind) => kind switch
    {
        UploadedFileKind.Jpeg => "image/jpeg",
        UploadedFileKind.Png => "image/png",
        UploadedFileKind.Heic => "image/heic",
        UploadedFileKind.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    public static string Extension(UploadedFileKind kind) => kind switch
    {
        UploadedFileKind.Jpeg => ".jpg",
        UploadedFileKind.Png => ".png",
        UploadedFileKind.Heic => ".heic",
        UploadedFileKind.Pdf => ".pdf",
        _ => ".bin",
    };
}

namespace FamilyTime.Domain.Travel;

/// <summary>
/// A file a family member or worker uploaded (a receipt, a certificate), kept in the database beside the record it
/// belongs to so it is backed up, audited and deleted with it. Its type is what its content says (<see cref="FileSniffer"/>);
/// the name the uploader gave is never used to serve it.
/// </summary>
public sealed class StoredFile
{
    private StoredFile() { }

    public Guid Id { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public UploadedFileKind Kind { get; private set; }
    public long Length { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime UploadedAt { get; private set; }

    /// <summary>A file checked by content; null with the problem when it is empty, too big or not a kind we take.</summary>
    public static (StoredFile? File, string? Problem) From(string ownerUserId, byte[] content, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        ArgumentNullException.ThrowIfNull(content);
        var (kind, problem) = FileSniffer.Check(content.LongLength, content.AsSpan(0, Math.Min(content.Length, 64)));
        if (kind is null)
        {
            return (null, problem);
        }
        return (new StoredFile { Id = Guid.NewGuid(), OwnerUserId = ownerUserId, Kind = kind.Value, Length = content.LongLength, Content = content, UploadedAt = at }, null);
    }

    /// <summary>The name it is downloaded under: ours, never the uploader's.</summary>
    public string DownloadName(string stem) => stem + FileSniffer.Extension(Kind);
}

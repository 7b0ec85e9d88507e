namespace FamilyTime.Domain.Records;

/// <summary>
/// That one family member has read a shared record, up to which shared version. Kept per reader, not on the record:
/// a mother opening the notes does not clear them for a father with his own account; and a correction the worker
/// shares again is new to both.
/// </summary>
public sealed class SharedNoteRead
{
    private SharedNoteRead() { }

    public SharedNoteRead(Guid recordId, string parentUserId, int version, DateTime at)
    {
        RecordId = recordId;
        ParentUserId = parentUserId;
        Version = version;
        ReadAt = at;
    }

    public Guid RecordId { get; private set; }
    public string ParentUserId { get; private set; } = "";

    /// <summary>The shared version last read.</summary>
    public int Version { get; private set; }
    public DateTime ReadAt { get; private set; }

    /// <summary>Marks a later shared version read; true when that changed anything.</summary>
    public bool Read(int version, DateTime at)
    {
        if (version <= Version)
        {
            return false;
        }
        Version = version;
        ReadAt = at;
        return true;
    }

    /// <summary>New to the reader: shared and never read, or shared again since they read it.</summary>
    public static bool IsNew(int? sharedVersion, int? readVersion) =>
        sharedVersion is { } shared && (readVersion is not { } read || read < shared);
}

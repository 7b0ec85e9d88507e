namespace FamilyTime.Domain.Audit;

/// <summary>
/// One read or change of a child's record. Entries are only ever appended; each carries the hash of the one
/// before, so altering or removing an old entry breaks the chain and <see cref="AuditChain.Verify"/> finds it.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(
        long sequence,
        DateTime at,
        string userId,
        string userName,
        AuditAction action,
        string recordType,
        Guid recordId,
        Guid? childId,
        string? changes,
        string previousHash)
    {
        Sequence = sequence;
        // Whole microseconds: PostgreSQL keeps no finer time, and the hash must survive the round trip on every engine.
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        At = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
        UserId = userId;
        UserName = userName;
        Action = action;
        RecordType = recordType;
        RecordId = recordId;
        ChildId = childId;
        Changes = changes;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this);
    }

    /// <summary>Position in the chain, from 1, with no gaps.</summary>
    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid? ChildId { get; private set; }

    /// <summary>What changed, as JSON of field → [before, after]; null for a view.</summary>
    public string? Changes { get; private set; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
}

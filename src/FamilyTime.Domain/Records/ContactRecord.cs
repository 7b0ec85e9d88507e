using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Records;

public enum RecordStatus
{
    /// <summary>Sent to the social worker, not yet read.</summary>
    Submitted = 1,

    /// <summary>The social worker has read and acknowledged it.</summary>
    Acknowledged = 2,
}

/// <summary>
/// The record of one supervised, assessed or facilitated session. It is never edited in place: the first
/// submission is version 1 and each correction is a new version with its reason, every version kept readable
/// (they may be evidence in the family court).
/// </summary>
public sealed class ContactRecord : IVersioned
{
    private readonly List<RecordVersion> _versions = [];

    private ContactRecord() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ChildId { get; private set; }
    public string SocialWorkerId { get; private set; } = "";
    public RecordStatus Status { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public string? AcknowledgedById { get; private set; }

    /// <summary>The date by which the parent must have been given the observations (default 3 months after the session).</summary>
    public DateOnly ShareBy { get; private set; }
    public DateTime? SharedAt { get; private set; }

    /// <summary>
    /// The version the worker shared after seeing exactly what the family would read. A later correction is not
    /// the family's to read until the worker shares it again.
    /// </summary>
    public int? SharedVersion { get; private set; }
    public DateTime? ParentFirstViewedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<RecordVersion> Versions => _versions;
    public RecordVersion Current => _versions.MaxBy(v => v.Number)!;

    public static (ContactRecord? Record, ValidationErrors Errors) Submit(Guid sessionId, Guid childId, string socialWorkerId, bool assessed, RecordContent content, DateOnly shareBy, Signature by)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(by);
        var errors = content.Validate(assessed);
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var record = new ContactRecord
        {
            Id = Guid.NewGuid(), SessionId = sessionId, ChildId = childId, SocialWorkerId = socialWorkerId,
            Status = RecordStatus.Submitted, SubmittedAt = by.At, ShareBy = shareBy,
        };
        record._versions.Add(new RecordVersion(record.Id, 1, content, by, null));
        return (record, errors);
    }

    /// <summary>A correction: a new version with its reason; the earlier versions stay exactly as they were.</summary>
    public ValidationErrors Correct(RecordContent content, string? reason, bool assessed, Signature by)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(by);
        var errors = content.Validate(assessed);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("CorrectionReason", "Say what is being corrected and why: the earlier version stays readable beside it");
        }
        else if (reason.Trim().Length > 1000)
        {
            errors.Add("CorrectionReason", "The reason must be 1000 characters or fewer");
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        _versions.Add(new RecordVersion(Id, Current.Number + 1, content, by, reason!.Trim()));
        // A corrected record goes back to the social worker to read again.
        Status = RecordStatus.Submitted;
        AcknowledgedAt = null;
        AcknowledgedById = null;
        return errors;
    }

    public void Acknowledge(string userId, DateTime at)
    {
        Status = RecordStatus.Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedById = userId;
    }

    /// <summary>Shares the current version (the worker has seen the family's view of it); sharing again shares a correction.</summary>
    public void Share(DateTime at)
    {
        SharedAt ??= at;
        SharedVersion = Current.Number;
    }

    /// <summary>
    /// What the family reads: the version the worker shared. Records shared before versions were tracked show the
    /// version current when they were shared, never a later correction.
    /// </summary>
    public RecordVersion? SharedWithFamily => SharedAt is not { } at ? null
        : SharedVersion is { } n ? _versions.FirstOrDefault(v => v.Number == n)
        : _versions.Where(v => v.WrittenAt <= at).MaxBy(v => v.Number) ?? _versions.MinBy(v => v.Number);

    /// <summary>A correction written since the family's version was shared, waiting for the worker to share it.</summary>
    public bool HasUnsharedCorrection => SharedWithFamily is { } shared && Current.Number > shared.Number;

    /// <summary>The first time the parent opens the record is kept; later views do not move it.</summary>
    public bool StampFirstView(DateTime at)
    {
        if (ParentFirstViewedAt is not null)
        {
            return false;
        }
        // Whole microseconds, as the database keeps them, so the stamp reads the same every time.
        ParentFirstViewedAt = new DateTime(at.Ticks - (at.Ticks % 10), at.Kind);
        return true;
    }

    public bool IsShareOverdue(DateOnly today) => SharedAt is null && today > ShareBy;
}

/// <summary>One version of a record, exactly as it was written.</summary>
public sealed class RecordVersion
{
    private RecordVersion() { }

    internal RecordVersion(Guid recordId, int number, RecordContent c, Signature by, string? correctionReason)
    {
        Id = Guid.NewGuid();
        RecordId = recordId;
        Number = number;
        WrittenAt = by.At;
        WrittenById = by.UserId;
        WrittenByName = by.Name;
        CorrectionReason = correctionReason;
        AgeBand = c.AgeBand;
        ParentArrivedAt = c.ParentArrivedAt;
        StartedAt = c.StartedAt;
        EndedAt = c.EndedAt;
        WhoAttended = Text.Clean(c.WhoAttended);
        Observations = c.Observations.Distinct().ToList();
        Interaction = Text.Clean(c.Interaction);
        Positives = Text.Clean(c.Positives);
        Concerns = Text.Clean(c.Concerns);
        ChildsWords = Text.Clean(c.ChildsWords);
        EndedEarly = c.EndedEarly;
        EndedEarlyReason = c.EndedEarly ? Text.Clean(c.EndedEarlyReason) : null;
        Debrief = Text.Clean(c.Debrief);
        Analysis = Text.Clean(c.Analysis);
        AssessedAttunement = Text.Clean(c.AssessedAttunement);
        AssessedBoundaries = Text.Clean(c.AssessedBoundaries);
        AssessedSafety = Text.Clean(c.AssessedSafety);
        AssessedWarmth = Text.Clean(c.AssessedWarmth);
    }

    public Guid Id { get; private set; }
    public Guid RecordId { get; private set; }
    public int Number { get; private set; }
    public DateTime WrittenAt { get; private set; }
    public string WrittenById { get; private set; } = "";
    public string WrittenByName { get; private set; } = "";
    public string? CorrectionReason { get; private set; }
    public AgeBand AgeBand { get; private set; }
    public TimeOnly? ParentArrivedAt { get; private set; }
    public TimeOnly? StartedAt { get; private set; }
    public TimeOnly? EndedAt { get; private set; }
    public string? WhoAttended { get; private set; }
    public List<string> Observations { get; private set; } = [];
    public string? Interaction { get; private set; }
    public string? Positives { get; private set; }
    public string? Concerns { get; private set; }
    public string? ChildsWords { get; private set; }
    public bool EndedEarly { get; private set; }
    public string? EndedEarlyReason { get; private set; }
    public string? Debrief { get; private set; }
    public string? Analysis { get; private set; }
    public string? AssessedAttunement { get; private set; }
    public string? AssessedBoundaries { get; private set; }
    public string? AssessedSafety { get; private set; }
    public string? AssessedWarmth { get; private set; }

    public RecordContent ToContent() => new()
    {
        AgeBand = AgeBand, ParentArrivedAt = ParentArrivedAt, StartedAt = StartedAt, EndedAt = EndedAt, WhoAttended = WhoAttended,
        Observations = Observations.ToList(), Interaction = Interaction, Positives = Positives, Concerns = Concerns, ChildsWords = ChildsWords,
        EndedEarly = EndedEarly, EndedEarlyReason = EndedEarlyReason, Debrief = Debrief, Analysis = Analysis,
        AssessedAttunement = AssessedAttunement, AssessedBoundaries = AssessedBoundaries, AssessedSafety = AssessedSafety, AssessedWarmth = AssessedWarmth,
    };

}

/// <summary>A parent's reply to a shared record. It sits beside the record and never changes it.</summary>
public sealed class ParentReply
{
    public const int MaxText = 4000;

    private ParentReply() { }

    public ParentReply(Guid recordId, string parentUserId, string text, DateTime at)
    {
        Id = Guid.NewGuid();
        RecordId = recordId;
        ParentUserId = parentUserId;
        Text = text.Trim();
        At = at;
        Key = KeyFor(text);
    }

    public Guid Id { get; private set; }
    public Guid RecordId { get; private set; }
    public string ParentUserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime At { get; private set; }

    /// <summary>
    /// The reply's words as a fingerprint, unique per record and parent: a retried POST (a double tap, a phone
    /// resending on a poor signal) is the same reply, not a second one. Null on replies kept before this rule.
    /// </summary>
    public string? Key { get; private set; }

    public static string KeyFor(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.Trim())));

    public static string? Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Write your reply" : text.Trim().Length > MaxText ? $"Your reply must be {MaxText} characters or fewer" : null;
}

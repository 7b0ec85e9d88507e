namespace FamilyTime.Domain.Letters;

public enum DocumentKind
{
    /// <summary>The written agreement sent to a parent or family member about their family time.</summary>
    ParentLetter = 1,
}

/// <summary>How a letter reached the family.</summary>
public enum LetterDelivery
{
    Email = 1,
    Post = 2,
    ByHand = 3,
}

/// <summary>
/// One version of a letter exactly as it was produced (HTML and PDF), with the date it was sent. Versions are
/// only added, never changed, so what the family received can always be shown.
/// </summary>
public sealed class PlanDocument
{
    private PlanDocument() { }

    public PlanDocument(Guid childId, Guid arrangementId, Guid personId, DocumentKind kind, int number, DateTime createdAt, string createdById, string createdByName, string html, byte[] pdf)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        ArrangementId = arrangementId;
        PersonId = personId;
        Kind = kind;
        Number = number;
        CreatedAt = createdAt;
        CreatedById = createdById;
        CreatedByName = createdByName;
        Html = html;
        Pdf = pdf;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public Guid PersonId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public int Number { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateOnly? SentOn { get; private set; }
    public string Html { get; private set; } = "";
    public byte[] Pdf { get; private set; } = [];

    /// <summary>How it was sent (e-mail, post, by hand); null on letters kept before this was recorded.</summary>
    public LetterDelivery? SentBy { get; private set; }

    /// <summary>Why this version was written: "The plan was agreed (version 3)", "A change took effect".</summary>
    public string? Occasion { get; private set; }

    /// <summary>The language the recipient reads, when not English: the letter is to be translated before it is given.</summary>
    public string? TranslateInto { get; private set; }

    public void MarkSent(DateOnly on) => SentOn ??= on;

    public void MarkSent(DateOnly on, LetterDelivery by)
    {
        SentOn ??= on;
        SentBy ??= by;
    }

    public PlanDocument About(string? occasion, string? translateInto)
    {
        Occasion = occasion;
        TranslateInto = translateInto;
        return this;
    }
}

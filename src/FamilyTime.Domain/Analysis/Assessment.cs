using FamilyTime.Domain.Records;

namespace FamilyTime.Domain.Analysis;

/// <summary>
/// The social worker's analysis of family time with one person over a period (guidance Appendix 1), drafted from
/// the records and edited by the worker. It names the record versions it drew on, so the court can read them.
/// </summary>
public sealed class Assessment
{
    public const int MaxText = 20000;

    private Assessment() { }

    public Assessment(Guid childId, Guid personId, DateOnly from, DateOnly to, string text, IReadOnlyList<Guid> recordVersionIds, string byId, string byName, DateTime at)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        PersonId = personId;
        From = from;
        To = to;
        Text = text.Trim();
        RecordVersionIds = recordVersionIds.ToList();
        SavedById = byId;
        SavedByName = byName;
        SavedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Text { get; private set; } = "";
    public List<Guid> RecordVersionIds { get; private set; } = [];
    public string SavedById { get; private set; } = "";
    public string SavedByName { get; private set; } = "";
    public DateTime SavedAt { get; private set; }
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Portfolio;

/// <summary>What a parent writes in their diary: an appointment with another service (a course, the GP, a solicitor).</summary>
public sealed record DiaryInput(string? Title, DateOnly? Date, TimeOnly? Time, string? Place, string? Notes);

/// <summary>
/// One of a parent's own diary entries. Their family time sessions join them in the diary without being copied
/// here; these are the parent's own, which only they add, change or delete.
/// </summary>
public sealed class DiaryEntry : IVersioned
{
    public const int TitleLength = 200;
    public const int PlaceLength = 200;
    public const int NotesLength = 2000;

    private DiaryEntry() { }

    public Guid Id { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public TimeOnly? Time { get; private set; }
    public string? Place { get; private set; }
    public string? Notes { get; private set; }
    public int Version { get; set; }

    public static (DiaryEntry? Entry, ValidationErrors Errors) Add(string ownerUserId, DiaryInput input)
    {
        var errors = Check(input);
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var entry = new DiaryEntry { Id = Guid.NewGuid(), OwnerUserId = ownerUserId };
        entry.Set(input);
        return (entry, errors);
    }

    public ValidationErrors Change(DiaryInput input)
    {
        var errors = Check(input);
        if (errors.IsValid)
        {
            Set(input);
        }
        return errors;
    }

    private void Set(DiaryInput input)
    {
        Title = Text.Clean(input.Title)!;
        Date = input.Date!.Value;
        Time = input.Time;
        Place = Text.Clean(input.Place);
        Notes = Text.Clean(input.Notes);
    }

    private static ValidationErrors Check(DiaryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        errors.Required("Title", input.Title, "Enter what the appointment is, for example Parenting course");
        errors.MaxLength("Title", input.Title, TitleLength, "What the appointment is");
        if (input.Date is null)
        {
            errors.Add("Date", "Enter the date of the appointment, for example 27 11 2026");
        }
        errors.MaxLength("Place", input.Place, PlaceLength, "Where it is");
        errors.MaxLength("Notes", input.Notes, NotesLength, "Notes");
        return errors;
    }
}

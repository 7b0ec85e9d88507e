using FamilyTime.Domain.Common;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>The diary form as typed.</summary>
public sealed class DiaryForm
{
    public string? Title { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Time { get; set; }
    public string? Place { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

/// <summary>Adds one of the parent's own diary entries, or changes or deletes one (another person's is "not found").</summary>
[PortalOnly]
public sealed class DiaryEntryPageModel(Diary diary) : PageModel
{
    [BindProperty]
    public DiaryForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public Guid? EntryId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? entryId, CancellationToken ct)
    {
        if (entryId is { } id)
        {
            if (await diary.OwnAsync(User.Actor(), id, ct) is not { } entry)
            {
                return NotFound();
            }
            EntryId = id;
            Input = new DiaryForm
            {
                Title = entry.Title, Date = DateParts.From(entry.Date), Time = entry.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Place = entry.Place, Notes = entry.Notes, Version = entry.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? entryId, CancellationToken ct)
    {
        EntryId = entryId;
        var errors = new ValidationErrors();
        var date = Input.Date.ToDate("Date", "The date", errors);
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(Input.Time))
        {
            if (TimeOnly.TryParseExact(Input.Time.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
            {
                time = t;
            }
            else
            {
                errors.Add("Time", "Enter the time like 14:30, or leave it empty");
            }
        }
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField);
            return Page();
        }
        var input = new DiaryInput(Input.Title, date ?? (Input.Date.IsEmpty ? null : date), time, Input.Place, Input.Notes);
        var outcome = entryId is { } id
            ? await diary.ChangeAsync(User.Actor(), id, Input.Version, input, ct)
            : await diary.AddAsync(User.Actor(), input, ct);
        return this.Answer(outcome, _ =>
        {
            Saved = entryId is null ? "The appointment has been added to your diary." : "The appointment has been changed.";
            return Redirect("/Portal/Diary");
        }, prefix: "Input.", problemStatus: true);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid entryId, CancellationToken ct)
    {
        var outcome = await diary.DeleteAsync(User.Actor(), entryId, ct);
        return this.Answer(outcome, _ =>
        {
            Saved = "The appointment has been deleted from your diary.";
            return Redirect("/Portal/Diary");
        });
    }
}

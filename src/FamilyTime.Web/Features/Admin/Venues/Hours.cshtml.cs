using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>The venue's opening hours, one row a weekday (/Admin/Venues/{id}/Hours). Both times blank: closed that day.</summary>
[StaffOnly(Roles.Administrator)]
public sealed class HoursModel(VenueDirectory directory, SetOpeningHours handler) : PageModel
{
    [BindProperty]
    public WeekHoursInput Input { get; set; } = new();

    public VenueView Venue { get; private set; } = default!;

    /// <summary>Someone else saved the venue first (the page answers 409): it offers the way back to their version.</summary>
    public bool Conflict => Response.StatusCode == StatusCodes.Status409Conflict;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await directory.OneAsync(id, ct) is not { } venue)
        {
            return NotFound();
        }
        Venue = venue;
        Input = WeekHoursInput.From(venue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var hours = Input.Read(errors);
        if (!errors.IsValid)
        {
            // Everything wrong is said at once: the rule's answers for the days whose times could be read too.
            foreach (var (day, messages) in OpeningHours.Check(hours).ByField)
            {
                errors.Add(day, messages[0]);
            }
        }
        var outcome = errors.IsValid
            ? await handler.HandleAsync(User.Scope(), User.UserName(), new SetOpeningHoursCommand(id, hours, Input.Version), ct)
            : Outcome<VenueChanged>.Invalid(errors);
        return await this.AnswerAsync(outcome, saved =>
        {
            TempData["Saved"] = "The opening hours have been saved.";
            return Redirect($"/Admin/Venues/{saved.Id}#hours");
        }, again: async show =>
        {
            if (await directory.OneAsync(id, ct) is not { } venue)
            {
                return NotFound();
            }
            Venue = venue;
            return show();
        }, prefix: "Input.", problemStatus: true);
    }
}

/// <summary>One row of the form: what was typed, kept as text so "half nine" gets a plain message.</summary>
public sealed class DayHoursInput
{
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

public sealed class WeekHoursInput
{
    public int? Version { get; set; }
    public DayHoursInput Monday { get; set; } = new();
    public DayHoursInput Tuesday { get; set; } = new();
    public DayHoursInput Wednesday { get; set; } = new();
    public DayHoursInput Thursday { get; set; } = new();
    public DayHoursInput Friday { get; set; } = new();
    public DayHoursInput Saturday { get; set; } = new();
    public DayHoursInput Sunday { get; set; } = new();

    public DayHoursInput For(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };

    public static WeekHoursInput From(VenueView venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var input = new WeekHoursInput { Version = venue.Version };
        foreach (var h in venue.OpeningHours)
        {
            var row = input.For(h.Day);
            row.Opens = VenueWords.Time(h.Opens);
            row.Closes = VenueWords.Time(h.Closes);
        }
        return input;
    }

    /// <summary>The hours typed; a problem with a row goes under its day's name, as the domain keys them.</summary>
    public List<OpeningHours> Read(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var hours = new List<OpeningHours>();
        foreach (var day in OpeningHours.Week)
        {
            var row = For(day);
            var name = VenueWords.Day(day);
            var (openText, closeText) = (Text.Clean(row.Opens), Text.Clean(row.Closes));
            if (openText is null && closeText is null)
            {
                continue;
            }
            if (openText is null || closeText is null)
            {
                errors.Add(day.ToString(), $"Enter both times for {name}, or leave both blank if the venue is closed that day");
                continue;
            }
            var (opens, closes) = (TimeText.Parse(openText), TimeText.Parse(closeText));
            if (opens is null || closes is null)
            {
                errors.Add(day.ToString(), $"Enter {name}’s {(opens is null ? "opening" : "closing")} time as a time, like 09:00 or 5:30pm");
                continue;
            }
            hours.Add(new OpeningHours(day, opens.Value, closes.Value));
        }
        return hours;
    }
}

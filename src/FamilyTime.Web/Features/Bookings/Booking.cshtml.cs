using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>The booking form: the day and start, the room, the workers and the driver, and the tick that accepts soft warnings.</summary>
public sealed class BookingForm
{
    public DateParts Date { get; set; } = new();
    public string? Start { get; set; }
    public string? RoomId { get; set; }
    public string? SupervisorId { get; set; }
    public string? SecondWorkerId { get; set; }
    public string? DriverId { get; set; }
    public bool AcceptWarnings { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Book a session's room, worker(s) and driver, or move it (/Children/{id}/Sessions/{sessionId}/Booking): for the
/// area's coordinator and the child's social worker or team manager. Conflicts refuse the booking with the error
/// summary; travel time and a missing working pattern are warnings that a tick lets through.
/// </summary>
[ForChild(ChildOperation.BookSessions)]
public sealed class BookingModel(BookingPageReader reader, BookSession book) : PageModel
{
    [BindProperty]
    public BookingForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public BookingView View { get; private set; } = default!;
    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }
        var s = View.Session;
        Input = new BookingForm
        {
            Date = DateParts.From(s.Date), Start = TimeText.Show(s.StartTime), RoomId = s.RoomId?.ToString(),
            SupervisorId = s.SupervisorId, SecondWorkerId = s.SecondWorkerId, DriverId = s.DriverId, Version = s.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var errors = new ValidationErrors();
        var date = Input.Date.ToDate("Date", "The day", errors);
        var start = TimeText.Parse(Input.Start, "Start", "The start time", errors);
        Guid? room = Guid.TryParse(Input.RoomId, out var r) ? r : null;
        if (!string.IsNullOrWhiteSpace(Input.RoomId) && room is null)
        {
            errors.Add("RoomId", "Choose a room at an open venue");
        }
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "Input.");
            return await AgainAsync(sessionId, ct);
        }
        var outcome = await book.HandleAsync(child, sessionId,
            new BookingRequest(date, start, room, Input.SupervisorId, Input.SecondWorkerId, Input.DriverId, Input.AcceptWarnings, Input.Version), ct);
        return await this.AnswerAsync(outcome, done =>
        {
            Saved = done.Moved
                ? "The session is booked and has moved. The carers, the supervisor and the family have been told."
                : "The session is booked.";
            return Redirect($"{ChildLinks.Session(child.ChildId, sessionId)}/Booking");
        }, async show => await LoadAsync(sessionId, ct) ? show() : NotFound(), prefix: "Input.", problemStatus: true);
    }

    private async Task<IActionResult> AgainAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        var view = await reader.ReadAsync(child, sessionId, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }
}

using FamilyTime.Data;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>The mileage form as typed.</summary>
public sealed class MileageInput
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Miles { get; set; }
}

/// <summary>
/// A worker's mileage: the sessions they supervised lately, each with a claim link, their claims and where each
/// has got to; with <c>?session=</c>, the form for one session.
/// </summary>
[StaffOnly]
public sealed class MileageModel(FamilyTimeDbContext db, ClaimMileage mileage, TravelClaimLists lists, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "session")]
    public Guid? SessionId { get; set; }

    [BindProperty]
    public MileageInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public SupervisedSession? Session { get; private set; }
    public IReadOnlyList<SupervisedSession> Claimable { get; private set; } = [];
    public IReadOnlyList<OwnClaim> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        if (Session is null)
        {
            return NotFound();
        }
        var outcome = await mileage.HandleAsync(User.Actor(), Session.SessionId, new TravelClaimInput(Input.From, Input.To, TravelMode.CarMileage, null, Input.Miles), ct);
        return this.Answer(outcome, _ =>
        {
            Saved = "Your mileage has been sent to the child’s team manager.";
            return Redirect("/Travel/Mileage");
        }, fields: errors => errors.ToDictionary(e => e.Key is "From" or "To" or "Miles" ? "Input." + e.Key : "", e => e.Value), problemStatus: true);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        if (SessionId is { } id)
        {
            Session = await mileage.SessionAsync(actor, id, ct);
            return Session is null ? NotFound() : null;
        }
        var today = clock.Today();
        var uid = actor.UserId;
        Claims = await lists.MineAsync(actor.Scope, ct);
        var claimed = Claims.Select(c => c.SessionId).ToHashSet();
        var from = today.AddMonths(-TravelClaim.MonthsBack);
        var ids = await db.Sessions.AsNoTracking().Where(s => s.SupervisorId == uid && s.Date >= from && s.Date <= today)
            .OrderByDescending(s => s.Date).Select(s => s.Id).Take(30).ToListAsync(ct);
        var sessions = new List<SupervisedSession>();
        foreach (var sessionId in ids.Where(i => !claimed.Contains(i)))
        {
            if (await mileage.SessionAsync(actor, sessionId, ct) is { } s && TravelClaim.SessionProblem(s.Date, s.Status, today) is null)
            {
                sessions.Add(s);
            }
        }
        Claimable = sessions;
        return null;
    }
}

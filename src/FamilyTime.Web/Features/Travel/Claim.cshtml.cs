using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>The claim form as typed: text, so a tampered choice gets the plain-words message.</summary>
public sealed class ClaimInput
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Mode { get; set; }
    public string? Amount { get; set; }
}

/// <summary>A parent claims the cost of getting to one of their own sessions, with a photo or PDF of the receipt.</summary>
[PortalOnly]
public sealed class ClaimModel(OwnSessions sessions, ClaimTravel claim, Data.FamilyTimeDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "session")]
    public Guid SessionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public OwnSession Session { get; private set; } = default!;
    public bool AlreadyClaimed { get; private set; }
    public string? CannotClaim { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        if (TooLarge)
        {
            ModelState.AddModelError(nameof(Receipt), FileSniffer.TooLarge);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        var (content, problem) = await Uploads.ReadAsync(Receipt, ct);
        var input = new TravelClaimInput(Input.From, Input.To, TravelWords.ParseMode(Input.Mode), Input.Amount);
        var outcome = await claim.HandleAsync(User.Actor(), new ClaimCommand(SessionId, input, content, problem), ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = "Your claim has been sent to the team manager. You will be told when it has been decided.";
            return Redirect("/Portal/Travel");
        }, fields: Fields, problemStatus: true);
    }

    private static Dictionary<string, string[]> Fields(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key switch
            {
                "From" or "To" or "Mode" or "Amount" => "Input." + e.Key,
                "Receipt" => nameof(Receipt),
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await sessions.OneAsync(User.Scope(), SessionId, ct) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        var uid = User.Scope().UserId;
        AlreadyClaimed = await db.TravelClaims.AnyAsync(c => c.SessionId == SessionId && c.ClaimantUserId == uid, ct);
        CannotClaim = TravelClaim.SessionProblem(session.Date, session.Status, clock.Today());
        return null;
    }
}

using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Calendar;

/// <summary>Make, replace or stop the private address that puts a person's upcoming sessions in their own calendar app.</summary>
[AnyoneSignedIn]
public sealed class IndexModel(CalendarFeeds feeds) : PageModel
{
    public DateTime? ActiveSince { get; private set; }

    /// <summary>Set only on the answer to making an address: the token is never stored, so it cannot be shown again.</summary>
    public string? HttpsAddress { get; private set; }
    public string? WebcalAddress { get; private set; }
    public string? Stopped { get; private set; }

    public bool IsParent => User.IsInRole(Roles.Parent);

    /// <summary>What the calendar holds, in the person's own terms; someone with several roles gets all of them.</summary>
    public string Covers
    {
        get
        {
            var parts = new List<string>();
            if (User.IsInRole(Roles.Carer))
            {
                parts.Add("family time for the children who live with you");
            }
            if (User.IsInRole(Roles.ContactWorker))
            {
                parts.Add("the sessions you supervise");
            }
            if (IsParent)
            {
                parts.Add("your own family time with your children");
            }
            return parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
        }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        this.Answer(await feeds.CreateAsync(User.Actor(), ct), feed =>
        {
            // This answer carries the secret address: browsers and proxies must not keep it.
            Response.Headers.CacheControl = "no-store";
            var path = $"{Request.Host}{Request.PathBase}/calendar/{feed.Token}.ics";
            HttpsAddress = $"{Request.Scheme}://{path}";
            WebcalAddress = $"webcal://{path}";
            ActiveSince = feed.CreatedAt;
            return Page();
        });

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        await this.AnswerAsync(await feeds.RevokeAsync(User.Actor(), ct), async stopped =>
        {
            Stopped = stopped
                ? "Your calendar address has stopped working. Your calendar app will no longer get new sessions from it. You can remove the calendar from the app."
                : "You did not have a calendar address, so there was nothing to stop.";
            return await ShowAsync(ct);
        });

    private async Task<IActionResult> ShowAsync(CancellationToken ct) =>
        this.Answer(await feeds.StatusAsync(User.Actor(), ct), status =>
        {
            ActiveSince = status.ActiveSince;
            return Page();
        });
}

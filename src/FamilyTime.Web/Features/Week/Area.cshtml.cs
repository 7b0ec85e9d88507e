using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// An area's week for the family time coordinator (/Week/Area): by room (rooms grouped by venue, days across), by
/// worker (with hours per day and in the week), and the sessions not yet booked. A coordinator sees their own area;
/// a team manager or head of service chooses any.
/// </summary>
[StaffOnly(Roles.ContactCoordinator, Roles.TeamManager, Roles.HeadOfService)]
public sealed class AreaModel(AreaWeek areaWeek, TimeProvider clock) : WeekPage(clock)
{
    [BindProperty(SupportsGet = true, Name = "area")]
    public string? AreaAsked { get; set; }

    public AreaWeekView View { get; private set; } = default!;

    public IReadOnlyList<AreaChoice> Choices { get; private set; } = [];

    /// <summary>Why the area shown is not the one asked for (an address that names no area), or null.</summary>
    public string? AreaProblem { get; private set; }

    protected override string Path => "/Week/Area";

    protected override IEnumerable<KeyValuePair<string, string>> OtherQuery =>
        View is null ? [] : [new("area", View.Area.Id.ToString())];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReadWeek();
        Guid? area = null;
        if (!string.IsNullOrWhiteSpace(AreaAsked))
        {
            if (Guid.TryParse(AreaAsked, out var id))
            {
                area = id;
            }
            else
            {
                AreaProblem = "That is not an area we know. Showing your area instead.";
            }
        }
        var user = User.Scope();
        var outcome = await areaWeek.ReadAsync(user, area, Week, ct);
        return this.Answer(outcome, view =>
        {
            View = view;
            Choices = view.Choices;
            return Page();
        });
    }
}

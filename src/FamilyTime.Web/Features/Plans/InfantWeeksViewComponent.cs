using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>What the plan page shows for a baby: the settling prompt, and the coming weeks' totals across all family time.</summary>
public sealed record InfantWeeksView(string ChildName, IReadOnlyList<InfantWeek> Weeks, IReadOnlyList<PracticePrompt> Prompts, InfantGuidance Guidance);

/// <summary>
/// For a child under 2 only (known from the request's child, so older children cost no query): one query reads
/// when they came into care, their first session, and the face-to-face sessions of the coming weeks with each
/// arrangement's journey. A component, so the plan page takes one line for it.
/// </summary>
public sealed class InfantWeeksViewComponent(FamilyTimeDbContext db, InfantGuidance guidance, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var child = await HttpContext.ChildAsync();
        var today = clock.Today();
        if (!child.Can(ChildOperation.ViewCase) || !guidance.IsInfant(child.DateOfBirth, today))
        {
            return Content("");
        }
        var until = today.AddDays(7 * (guidance.WeeksShown + 1));
        var from = today.AddDays(-7);
        var id = child.ChildId;
        var rows = await db.Children.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.CameIntoCareOn,
                First = db.Sessions.Where(s => s.ChildId == c.Id && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly))
                    .Min(s => (DateOnly?)s.Date),
                // Planned or held: a cancelled session is no journey and no handover.
                Sessions = db.Sessions.Where(s => s.ChildId == c.Id && s.Date >= from && s.Date <= until
                        && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly))
                    .Select(s => new { s.Date, s.ArrangementId })
                    .ToList(),
                // Each face-to-face arrangement's journey, as a list beside the sessions: a join inside would need APPLY on SQLite.
                Journeys = db.Arrangements.Where(a => a.ChildId == c.Id && a.Form == FamilyTimeForm.FaceToFace).Select(a => new { a.Id, a.JourneyMinutes }).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(HttpContext.RequestAborted);
        var row = rows[0];
        var journeys = row.Journeys.ToDictionary(a => a.Id, a => a.JourneyMinutes);
        var weeks = guidance.Weeks(child.DateOfBirth, today, row.Sessions
            .Where(s => s.ArrangementId is { } a && journeys.ContainsKey(a))
            .Select(s => new InfantSession(s.Date, journeys[s.ArrangementId!.Value])));
        var prompts = new List<PracticePrompt>();
        if (guidance.SettlingPrompt(child.DateOfBirth, row.CameIntoCareOn, row.First) is { } settling)
        {
            prompts.Add(settling);
        }
        prompts.AddRange(guidance.WeeklyPrompts(weeks));
        return View("/Features/Plans/_InfantWeeks.cshtml", new InfantWeeksView(child.PreferredName ?? child.FirstName, weeks, prompts, guidance));
    }
}

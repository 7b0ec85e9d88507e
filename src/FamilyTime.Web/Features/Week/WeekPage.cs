using System.Globalization;
using FamilyTime.Domain.Weeks;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// What every week view shares: the week asked for (?week=, its Monday; a week that cannot be read shows this week
/// and says why, never an error), today from the app's clock, the links to the weeks either side, and the printable
/// version (?print=1: the same page on a plain layout with no navigation, titled with the week and the day printed).
/// </summary>
public abstract class WeekPage(TimeProvider clock) : PageModel
{
    public const string PrintLayout = "/Features/Week/_PrintLayout.cshtml";

    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekAsked { get; set; }

    [BindProperty(SupportsGet = true, Name = "print")]
    public string? PrintAsked { get; set; }

    public bool Print => PrintAsked is "1" or "true" or "yes";

    public DateOnly Today { get; private set; }

    public IsoWeek Week { get; private set; }

    /// <summary>Why the week shown is not the one asked for, or null.</summary>
    public string? WeekProblem { get; private set; }

    /// <summary>When the page was made, London time, for the printed copy's "printed on".</summary>
    public DateTime MadeAt { get; private set; }

    /// <summary>The page's own address (without its query), for the links to other weeks and the printable copy.</summary>
    protected abstract string Path { get; }

    /// <summary>What else the address carries besides the week (the area on the coordinator's week).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> OtherQuery => [];

    protected void ReadWeek()
    {
        Today = clock.Today();
        MadeAt = LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime);
        var choice = IsoWeek.Parse(WeekAsked, Today);
        Week = choice.Week;
        WeekProblem = choice.Problem;
    }

    public bool IsThisWeek => Week.Contains(Today);

    /// <summary>"Week of 23 November 2026" or, crossing a month, "30 November to 6 December 2026".</summary>
    public string WeekTitle => DescribeWeek(Week);

    public static string DescribeWeek(IsoWeek week) =>
        week.Monday.Year != week.Sunday.Year
            ? $"{week.Monday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} to {week.Sunday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"
            : week.Monday.Month != week.Sunday.Month
                ? $"{week.Monday.ToString("d MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {week.Sunday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"
                : $"{week.Monday.Day} to {week.Sunday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";

    public string LinkTo(IsoWeek week, bool print = false) => Link(OtherQuery.Append(new("week", week.Param)), print);

    /// <summary>This page's printable copy, for the same week (and area).</summary>
    public string PrintLink => IsWeekPage ? LinkTo(Week, print: true) : Link(OtherQuery, print: true);

    /// <summary>The same page, not for printing.</summary>
    public string ScreenLink => IsWeekPage ? LinkTo(Week) : Link(OtherQuery, print: false);

    /// <summary>False for a "today" page, which has no week to carry.</summary>
    protected virtual bool IsWeekPage => true;

    private string Link(IEnumerable<KeyValuePair<string, string>> query, bool print)
    {
        var parts = query.ToList();
        if (print)
        {
            parts.Add(new("print", "1"));
        }
        return parts.Count == 0 ? Path : Path + "?" + string.Join("&", parts.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    public static string DayName(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

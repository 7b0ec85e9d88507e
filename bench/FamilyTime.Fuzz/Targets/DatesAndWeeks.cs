using FamilyTime.Domain.Common;
using FamilyTime.Domain.Rota;
using FamilyTime.Domain.Weeks;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// Dates from forms and addresses: the GOV.UK date input's three boxes (<see cref="DateParts"/>, lines 1 to 3 of the
/// input), the week a page's address asks for (?week=2026-W48 or a date: <see cref="IsoWeek.Parse"/>) and the rota's
/// week (<see cref="RotaWeek.Parse"/>), both given the whole input. Refusal allowed: a validation error, a null, a
/// "showing this week instead" answer.
/// </summary>
internal static class DatesAndWeeks
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    public static void Run(byte[] data)
    {
        var parts = FuzzTargets.Parts(data, 3);
        var errors = new ValidationErrors();
        var date = new DateParts { Day = parts[0], Month = parts[1], Year = parts[2] }.ToDate("Date", "The date", errors);
        if (date is { } d && !SafeText.IsSaneDate(d))
        {
            throw new InvalidOperationException($"DateParts took {d:yyyy-MM-dd}, outside the service's dates.");
        }
        var text = FuzzTargets.Text(data);
        var choice = IsoWeek.Parse(text, Today);
        if (choice.Week.Monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new InvalidOperationException("IsoWeek.Parse answered a week that does not start on a Monday.");
        }
        _ = RotaWeek.Parse(text);
        _ = RotaWeek.Parse(parts[0]);
    }
}

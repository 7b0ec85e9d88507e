using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Wellbeing;

/// <summary>One month of family time with one person: sessions held, their minutes, and sessions that did not go ahead.</summary>
public sealed record TrendMonth(DateOnly Month, int Held, int Minutes, int NotHeld);

/// <summary>One person's family time month by month since the child came into care, and whether it is fading.</summary>
public sealed record PersonTrend(Guid PersonId, string Name, IReadOnlyList<TrendMonth> Months, double EarlierPerMonth, double RecentPerMonth)
{
    /// <summary>Fading: the recent months hold less than half of what the earlier months held (and the earlier held some).</summary>
    public bool Fading => EarlierPerMonth > 0 && RecentPerMonth < EarlierPerMonth / 2;
}

/// <summary>A session, as the trend needs it.</summary>
public sealed record TrendSession(DateOnly Date, Guid? ArrangementId, SessionStatus Status, int DurationMinutes);

/// <summary>
/// Each person's family time over the months in care (DOMAIN.md, "What evidence and peers add"): relationships often
/// fade after two years in care without anyone deciding it, and a month-by-month count shows it where a list of
/// sessions does not. Brothers seen together each count the session. Fading compares the last
/// <see cref="RecentMonths"/> full months with the months before them.
/// </summary>
public static class FamilyTimeTrend
{
    public const int RecentMonths = 6;

    public static IReadOnlyList<PersonTrend> For(DateOnly cameIntoCareOn, DateOnly today, IReadOnlyList<SignalPerson> people,
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> peopleByArrangement, IEnumerable<TrendSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(peopleByArrangement);
        ArgumentNullException.ThrowIfNull(sessions);
        var first = new DateOnly(cameIntoCareOn.Year, cameIntoCareOn.Month, 1);
        var last = new DateOnly(today.Year, today.Month, 1);
        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            months.Add(m);
        }
        var past = sessions.Where(s => s.Date <= today && s.Date >= first && s.ArrangementId is not null && s.Status != SessionStatus.Planned && s.Status != SessionStatus.Rearranged && s.Status != SessionStatus.PlanChanged).ToList();
        var trends = new List<PersonTrend>();
        foreach (var person in people)
        {
            var theirs = past.Where(s => peopleByArrangement.TryGetValue(s.ArrangementId!.Value, out var ids) && ids.Contains(person.Id)).ToList();
            if (theirs.Count == 0 && !peopleByArrangement.Values.Any(ids => ids.Contains(person.Id)))
            {
                continue;
            }
            var byMonth = months.Select(m =>
            {
                var inMonth = theirs.Where(s => s.Date.Year == m.Year && s.Date.Month == m.Month).ToList();
                var held = inMonth.Where(s => Drift.IsHeld(s.Status)).ToList();
                return new TrendMonth(m, held.Count, held.Sum(s => s.DurationMinutes), inMonth.Count - held.Count);
            }).ToList();
            // This month is not over: the comparison uses full months only.
            var full = byMonth.Where(m => m.Month < last).ToList();
            var recent = full.TakeLast(RecentMonths).ToList();
            var earlier = full.SkipLast(RecentMonths).ToList();
            trends.Add(new PersonTrend(person.Id, person.Name, byMonth,
                earlier.Count == 0 ? 0 : earlier.Average(m => m.Held),
                recent.Count == 0 ? 0 : recent.Average(m => m.Held)));
        }
        return trends;
    }
}

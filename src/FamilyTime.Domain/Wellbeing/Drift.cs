using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Wellbeing;

/// <summary>A running face-to-face arrangement, for drift: with whom, and from when sessions were due (or from when the sessions read begin).</summary>
public sealed record DriftArrangement(Guid Id, IReadOnlyList<SignalPerson> People, DateOnly StartsOn);

/// <summary>How long one arrangement has gone without a session held, and since when.</summary>
public sealed record DriftFinding(Guid ArrangementId, IReadOnlyList<SignalPerson> People, int Days, DateOnly? LastHeld, DateOnly Since, ReviewSignalKind Kind);

/// <summary>
/// Drift: family time that quietly stops happening. Relationships fade after time in care (Ofsted, "Keeping in
/// touch"), often without anyone deciding it; an arrangement with no session held for 14 days prompts a look, and
/// for 30 days a review. A session held is one that took place, even if it ended early. Only running face-to-face
/// arrangements whose first date has passed are counted: letters twice a year are not drifting.
/// </summary>
public static class Drift
{
    public static bool IsHeld(SessionStatus status) => status is SessionStatus.TookPlace or SessionStatus.EndedEarly;

    public static IReadOnlyList<DriftFinding> Find(DateOnly today, IEnumerable<DriftArrangement> arrangements, IEnumerable<SessionFacts> sessions, ReviewThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        ArgumentNullException.ThrowIfNull(sessions);
        var lastHeld = sessions.Where(s => s.ArrangementId is not null && s.Date <= today && IsHeld(s.Status))
            .GroupBy(s => s.ArrangementId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        return Find(today, arrangements, lastHeld, thresholds);
    }

    /// <summary>As above, from the date each arrangement last had a session held (none when it never has).</summary>
    public static IReadOnlyList<DriftFinding> Find(DateOnly today, IEnumerable<DriftArrangement> arrangements, IReadOnlyDictionary<Guid, DateOnly> lastHeld, ReviewThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        ArgumentNullException.ThrowIfNull(lastHeld);
        var t = thresholds ?? ReviewThresholds.Default;
        var found = new List<DriftFinding>();
        foreach (var a in arrangements.Where(a => a.StartsOn <= today))
        {
            DateOnly? held = lastHeld.TryGetValue(a.Id, out var d) ? d : null;
            var days = today.DayNumber - (held ?? a.StartsOn).DayNumber;
            var kind = days >= t.FadingDays ? ReviewSignalKind.NothingHeldForAMonth
                : days >= t.DriftDays ? ReviewSignalKind.NothingHeldForTwoWeeks
                : (ReviewSignalKind?)null;
            if (kind is { } k)
            {
                found.Add(new DriftFinding(a.Id, a.People, days, held, held ?? a.StartsOn, k));
            }
        }
        return found.OrderByDescending(f => f.Days).ToList();
    }

    /// <summary>The prompt's words: how long, and since what (no full stop: pages add their own).</summary>
    public static string Describe(DriftFinding finding, string names, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var since = finding.LastHeld is { } held
            ? $"the last was on {ReviewSignals.Date(held, today)}"
            : $"none since {ReviewSignals.Date(finding.Since, today)}";
        var ask = finding.Kind == ReviewSignalKind.NothingHeldForAMonth
            ? "Review it with the family and the child: whether it is still right, and what stands in the way"
            : "Check what is happening, and whether anything is needed to keep it going";
        return $"No family time with {names} has been held for {finding.Days} days ({since}). {ask}";
    }
}

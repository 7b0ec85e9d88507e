using System.Globalization;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Records;

namespace FamilyTime.Domain.Wellbeing;

/// <summary>
/// Patterns in a child's family time that should prompt the team to review it (DOMAIN.md "Sessions and recording"):
/// repeated distress after sessions with one person, repeated lateness or not being able to come, sessions ended
/// early, and the factors of difficult family time. It only ever prompts; people decide.
/// </summary>
public static class ReviewSignals
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<ReviewSignal> Evaluate(ReviewEvidence evidence, ReviewThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var t = thresholds ?? ReviewThresholds.Default;
        var after = evidence.Observations
            .Where(o => o.Moment == ObservationMoment.After)
            .GroupBy(o => o.SessionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(o => o.RecordedAt)!);
        var records = evidence.Records.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => g.Last());
        // Newest first, so "the last 5" is a Take(5); only what has happened can show a pattern.
        var past = evidence.Sessions
            .Where(s => s.Date <= evidence.Today)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime)
            .ToList();
        var people = evidence.PeopleByArrangement
            .SelectMany(a => a.Value.Select(p => (Person: p, Arrangement: a.Key)))
            .GroupBy(x => x.Person.Id)
            .Select(g => (Person: g.First().Person, Arrangements: g.Select(x => x.Arrangement).ToHashSet()))
            .ToList();

        var found = new List<Candidate>();
        foreach (var (person, arrangements) in people)
        {
            var withThem = past.Where(s => s.ArrangementId is { } a && arrangements.Contains(a)).ToList();
            found.AddRange(Distress(person, withThem, after, t, evidence.Today));
            found.AddRange(LateOrAbsent(person, withThem, records, t, evidence.Today));
            found.AddRange(EndedEarly(person, withThem, records, t, evidence.Today));
        }
        found.AddRange(Factors(evidence));
        if (evidence.Running is { } running)
        {
            // The arrangement's evidence is the last session held, so its date links to the sessions list.
            var lastHeld = past.Where(s => Drift.IsHeld(s.Status) && s.ArrangementId is not null)
                .GroupBy(s => s.ArrangementId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
            foreach (var d in Drift.Find(evidence.Today, running, evidence.Sessions, t))
            {
                IReadOnlyList<Guid> last = lastHeld.TryGetValue(d.ArrangementId, out var id) ? [id] : [];
                foreach (var person in d.People)
                {
                    found.Add(new Candidate(d.Kind, person, last, d.ArrangementId, names => Drift.Describe(d, names, evidence.Today)));
                }
            }
        }

        // Brothers seen together share every session: one signal naming both says it once.
        return found
            .GroupBy(c => (c.Kind, Key: c.Arrangement?.ToString() ?? string.Join(",", c.Evidence)))
            .Select(g => new ReviewSignal(g.Key.Kind, g.Select(c => c.Person.Id).Distinct().ToList(),
                g.First().Why(Names(g.Select(c => c.Person).DistinctBy(p => p.Id))), g.First().Evidence))
            .OrderBy(s => s.Kind)
            .ToList();
    }

    /// <summary>
    /// Only sessions the carer rated afterwards count: a missing rating is not knowledge that the child was settled,
    /// and a cancelled session the child was upset about still tells the team something.
    /// </summary>
    private static IEnumerable<Candidate> Distress(SignalPerson person, List<SessionFacts> withThem, Dictionary<Guid, CarerObservation> after, ReviewThresholds t, DateOnly today)
    {
        var window = withThem.Where(s => after.ContainsKey(s.Id)).Take(t.DistressWindow).ToList();
        var hits = window.Where(s => after[s.Id].ShowsDistress).Reverse().ToList();
        if (hits.Count >= t.DistressCount)
        {
            yield return new Candidate(ReviewSignalKind.DistressAfterSessions, person, hits.Select(s => s.Id).ToList(),
                names => $"Distressed after {hits.Count} of the last {window.Count} sessions with {names} ({Dates(hits, today)})");
        }
    }

    /// <summary>The sessions the person was expected at: those that went ahead, or that they could not come to.</summary>
    private static IEnumerable<Candidate> LateOrAbsent(SignalPerson person, List<SessionFacts> withThem, Dictionary<Guid, SessionRecordFacts> records, ReviewThresholds t, DateOnly today)
    {
        var window = withThem
            .Where(s => s.Status is SessionStatus.TookPlace or SessionStatus.EndedEarly or SessionStatus.ParentDidNotAttend)
            .Take(t.LateWindow)
            .ToList();
        var hits = new List<(SessionFacts Session, string What)>();
        foreach (var s in window.AsEnumerable().Reverse())
        {
            if (s.Status == SessionStatus.ParentDidNotAttend)
            {
                hits.Add((s, "not able to come"));
            }
            else if (records.TryGetValue(s.Id, out var r) && Lateness.Minutes(r.ParentArrivedAt, s.StartTime) is { } late && late > t.LateAfterMinutes)
            {
                hits.Add((s, $"{late} minutes late"));
            }
        }
        if (hits.Count >= t.LateCount)
        {
            var detail = string.Join("; ", hits.Select(h => $"{Date(h.Session.Date, today)}, {h.What}"));
            yield return new Candidate(ReviewSignalKind.LateOrNotAttending, person, hits.Select(h => h.Session.Id).ToList(),
                names => $"Late or not able to come to {hits.Count} of the last {window.Count} sessions with {names} ({detail})");
        }
    }

    private static IEnumerable<Candidate> EndedEarly(SignalPerson person, List<SessionFacts> withThem, Dictionary<Guid, SessionRecordFacts> records, ReviewThresholds t, DateOnly today)
    {
        var window = withThem.Where(s => s.Status is SessionStatus.TookPlace or SessionStatus.EndedEarly).Take(t.EndedEarlyWindow).ToList();
        var hits = window
            .Where(s => s.Status == SessionStatus.EndedEarly || (records.TryGetValue(s.Id, out var r) && r.EndedEarly))
            .Reverse()
            .ToList();
        if (hits.Count >= t.EndedEarlyCount)
        {
            yield return new Candidate(ReviewSignalKind.EndedEarly, person, hits.Select(s => s.Id).ToList(),
                names => $"{hits.Count} of the last {window.Count} sessions with {names} ended early ({Dates(hits, today)})");
        }
    }

    /// <summary>Ticked factors belong to an arrangement; a serious risk points at the next session it must come before.</summary>
    private static IEnumerable<Candidate> Factors(ReviewEvidence evidence)
    {
        foreach (var (arrangement, factors) in evidence.FactorsByArrangement)
        {
            if (factors.Count == 0 || !evidence.PeopleByArrangement.TryGetValue(arrangement, out var people) || people.Count == 0)
            {
                continue;
            }
            var ordered = factors.OrderBy(f => f).ToList();
            var serious = ordered.Where(DifficultFamilyTimeFactors.IsSeriousRisk).ToList();
            var next = evidence.Sessions
                .Where(s => s.ArrangementId == arrangement && s.Date >= evidence.Today && s.Status == SessionStatus.Planned)
                .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
                .FirstOrDefault();
            foreach (var person in people)
            {
                if (serious.Count > 0)
                {
                    var when = next is null ? "" : $" (planned for {Date(next.Date, evidence.Today)})";
                    yield return new Candidate(ReviewSignalKind.FullRiskAssessmentNeeded, person, next is null ? [] : [next.Id], arrangement,
                        names => $"A full risk assessment is needed before the next session with {names}{when}: {Describe(serious)}");
                }
                yield return new Candidate(ReviewSignalKind.DifficultFactors, person, [], arrangement,
                    names => $"Factors of difficult family time are ticked for time with {names}: {Describe(ordered)}. Review how often, where, when and how it is supervised");
            }
        }
    }

    private static string Describe(IEnumerable<DifficultFamilyTimeFactor> factors) =>
        string.Join("; ", factors.Select(f => DifficultFamilyTimeFactors.Describe(f).ToLower(British)));

    private static string Names(IEnumerable<SignalPerson> people)
    {
        var names = people.Select(p => p.Name).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.SkipLast(1)) + " and " + names[^1];
    }

    private static string Dates(IEnumerable<SessionFacts> sessions, DateOnly today) => string.Join(", ", sessions.Select(s => Date(s.Date, today)));

    /// <summary>The year only when it is not this year: "12 Oct" reads faster in a list.</summary>
    public static string Date(DateOnly date, DateOnly today) => date.ToString(date.Year == today.Year ? "d MMM" : "d MMM yyyy", British);

    /// <summary>One person's finding before people sharing the same sessions (or arrangement) are named together.</summary>
    private sealed record Candidate(ReviewSignalKind Kind, SignalPerson Person, IReadOnlyList<Guid> Evidence, Guid? Arrangement, Func<string, string> Why)
    {
        public Candidate(ReviewSignalKind kind, SignalPerson person, IReadOnlyList<Guid> evidence, Func<string, string> why)
            : this(kind, person, evidence, null, why)
        {
        }
    }
}

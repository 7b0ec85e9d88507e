using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Domain.Records;

namespace FamilyTime.Domain.Analysis;

/// <summary>
/// What the summary is drawn from: the child's sessions, records and carer observations (any of them; the summary
/// keeps only the sessions of the person's arrangements in the period), and the arrangement's journey and terms.
/// </summary>
public sealed record PeriodInput(
    string ChildName,
    string PersonName,
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    IReadOnlyCollection<Guid> ArrangementIds,
    IReadOnlyList<FamilyTimeSession> Sessions,
    IReadOnlyList<ContactRecord> Records,
    IReadOnlyList<CarerObservation> Observations)
{
    /// <summary>The longest journey to family time on the person's arrangements, in minutes each way.</summary>
    public int? JourneyMinutes { get; init; }

    /// <summary>What the written agreement says ends a session.</summary>
    public string? WhatEndsSession { get; init; }

    /// <summary>
    /// For a saved assessment: the record versions it drew on. A record corrected since is read as it was then,
    /// so the court sees what the worker saw. Without it each record is read at its current version.
    /// </summary>
    public IReadOnlySet<Guid>? PinnedVersionIds { get; init; }
}

/// <summary>How many sessions came to what. Planned counts the sessions that were due, not those still to come.</summary>
public sealed record PeriodCounts(
    int Planned,
    int Attended,
    int Late,
    int EndedEarly,
    int CancelledByFamily,
    int CancelledByCarer,
    int CancelledByAuthority,
    int DidNotAttend,
    int ChildDeclined,
    int Rearranged,
    int Suspended,
    int Indirect,
    int NotClosedOff,
    int StillToCome);

/// <summary>One session in the chronology, with the record (and the version read) it links to.</summary>
public sealed record ChronologyLine(DateOnly Date, TimeOnly StartTime, Guid SessionId, Guid? RecordId, Guid? RecordVersionId, int? VersionNumber, string Text);

/// <summary>Words quoted from a record, with the session's date.</summary>
public sealed record Quote(DateOnly Date, Guid SessionId, Guid RecordId, string Text);

public sealed record EarlyEnding(DateOnly Date, Guid SessionId, Guid? RecordId, string Reason);

/// <summary>The carer's ratings (1 very settled … 5 very unsettled), by the worst area each time.</summary>
public sealed record BeforeAfterTrend(
    double? BeforeAverage,
    int BeforeCount,
    double? AfterAverage,
    int AfterCount,
    double? FirstHalfAfterAverage,
    double? SecondHalfAfterAverage,
    int DistressedAfter);

/// <summary>
/// The social worker's period summary for one person (guidance Appendix 1), counted from the records: what
/// happened to each session, the child's before-and-after trend, quotes, early endings, and prompts about
/// frequency and venue. It drafts; the worker judges and edits.
/// </summary>
public sealed record PeriodSummary(
    PeriodCounts Counts,
    string Headline,
    IReadOnlyList<ChronologyLine> Chronology,
    BeforeAfterTrend Trend,
    IReadOnlyList<Quote> Positives,
    IReadOnlyList<Quote> Concerns,
    IReadOnlyList<Quote> ChildsWords,
    IReadOnlyList<EarlyEnding> EarlyEndings,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<Guid> RecordVersionIds,
    string Draft)
{
    public static PeriodSummary Build(PeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inPeriod = input.Sessions
            // A session the plan withdrew was never due: it counts nowhere, as if it had never been planned.
            .Where(s => s.ArrangementId is { } a && input.ArrangementIds.Contains(a) && s.Date >= input.From && s.Date <= input.To && s.Status != SessionStatus.PlanChanged)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .ToList();
        var lastDue = input.To < input.Today ? input.To : input.Today;
        // A rearranged session is replaced by its new date, which is a session of its own: counting both would count one meeting twice.
        var due = inPeriod.Where(s => s.Date <= lastDue).ToList();
        var records = input.Records.ToDictionary(r => r.SessionId);
        RecordVersion? Read(FamilyTimeSession s) => records.TryGetValue(s.Id, out var r) ? VersionOf(r, input.PinnedVersionIds) : null;

        var lines = new List<ChronologyLine>();
        var positives = new List<Quote>();
        var concerns = new List<Quote>();
        var words = new List<Quote>();
        var endings = new List<EarlyEnding>();
        int attended = 0, late = 0, endedEarly = 0;
        foreach (var s in due)
        {
            var v = Read(s);
            var wasThere = s.Status is SessionStatus.TookPlace or SessionStatus.EndedEarly;
            var minutesLate = wasThere && v is not null ? Lateness.Minutes(v.ParentArrivedAt, s.StartTime) : null;
            var isLate = minutesLate > Lateness.CountsAsLateAfterMinutes;
            var endedSoon = wasThere && (s.Status == SessionStatus.EndedEarly || v?.EndedEarly == true);
            attended += wasThere ? 1 : 0;
            late += isLate ? 1 : 0;
            endedEarly += endedSoon ? 1 : 0;
            var reason = v?.EndedEarlyReason ?? s.OutcomeReason;
            if (endedSoon)
            {
                endings.Add(new EarlyEnding(s.Date, s.Id, v?.RecordId, reason ?? "No reason was recorded"));
            }
            if (v is not null)
            {
                Collect(positives, s, v, v.Positives);
                Collect(concerns, s, v, v.Concerns);
                Collect(words, s, v, v.ChildsWords);
            }
            lines.Add(new ChronologyLine(s.Date, s.StartTime, s.Id, v?.RecordId, v?.Id, v?.Number,
                PeriodWords.SessionLine(s, v, isLate ? minutesLate : null, endedSoon, reason, input)));
        }

        var counts = new PeriodCounts(
            Planned: due.Count(s => s.Status != SessionStatus.Rearranged),
            Attended: attended,
            Late: late,
            EndedEarly: endedEarly,
            CancelledByFamily: due.Count(s => s.Status == SessionStatus.CancelledByParent),
            CancelledByCarer: due.Count(s => s.Status == SessionStatus.CancelledByCarer),
            CancelledByAuthority: due.Count(s => s.Status == SessionStatus.CancelledByAuthority),
            DidNotAttend: due.Count(s => s.Status == SessionStatus.ParentDidNotAttend),
            ChildDeclined: due.Count(s => s.Status == SessionStatus.ChildDeclined),
            Rearranged: due.Count(s => s.Status == SessionStatus.Rearranged),
            Suspended: due.Count(s => s.Status == SessionStatus.Suspended),
            Indirect: due.Count(s => s.Status == SessionStatus.IndirectContact),
            NotClosedOff: due.Count(s => s.Status == SessionStatus.Planned),
            StillToCome: inPeriod.Count - due.Count);
        var trend = TrendOf(input, due);
        var headline = PeriodWords.Headline(counts, input);
        var prompts = PeriodWords.Prompts(counts, trend, input);
        var versionIds = due.Select(Read).Where(v => v is not null).Select(v => v!.Id).ToList();
        var draft = PeriodWords.Draft(input, headline, trend, positives, concerns, words, endings, prompts);
        return new PeriodSummary(counts, headline, lines, trend, positives, concerns, words, endings, prompts, versionIds, draft);
    }

    /// <summary>The version to read: the pinned one when the assessment names it, else the record as it stands now.</summary>
    public static RecordVersion VersionOf(ContactRecord record, IReadOnlySet<Guid>? pinned)
    {
        ArgumentNullException.ThrowIfNull(record);
        return pinned is null ? record.Current : record.Versions.FirstOrDefault(v => pinned.Contains(v.Id)) ?? record.Current;
    }

    private static void Collect(List<Quote> into, FamilyTimeSession s, RecordVersion v, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            into.Add(new Quote(s.Date, s.Id, v.RecordId, text));
        }
    }

    private static BeforeAfterTrend TrendOf(PeriodInput input, IReadOnlyList<FamilyTimeSession> due)
    {
        var dates = due.ToDictionary(s => s.Id, s => s.Date);
        var seen = input.Observations.Where(o => dates.ContainsKey(o.SessionId)).ToList();
        var before = seen.Where(o => o.Moment == ObservationMoment.Before).Select(o => o.Highest).ToList();
        var after = seen.Where(o => o.Moment == ObservationMoment.After).ToList();
        // Halves of the period by date, so a change in how the child copes shows whichever sessions were recorded.
        var middle = input.From.AddDays((input.To.DayNumber - input.From.DayNumber) / 2);
        var first = after.Where(o => dates[o.SessionId] <= middle).Select(o => o.Highest).ToList();
        var second = after.Where(o => dates[o.SessionId] > middle).Select(o => o.Highest).ToList();
        return new BeforeAfterTrend(
            Average(before), before.Count,
            Average(after.Select(o => o.Highest).ToList()), after.Count,
            Average(first), Average(second),
            after.Count(o => o.ShowsDistress));
    }

    private static double? Average(IReadOnlyList<int> values) => values.Count == 0 ? null : Math.Round(values.Average(), 1);
}

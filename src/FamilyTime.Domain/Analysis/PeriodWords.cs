using System.Globalization;
using System.Text;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Records;

namespace FamilyTime.Domain.Analysis;

/// <summary>
/// The words of the period summary: factual, plain and non-blaming ("wasn't able to attend", "said no"), written
/// for the worker to judge and edit, and for a court to read.
/// </summary>
public static class PeriodWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", English);

    /// <summary>"14 of 22 sessions attended, 3 late, 2 ended early, 2 cancelled by Dawn Harper …": only what happened.</summary>
    public static string Headline(PeriodCounts c, PeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(input);
        if (c.Planned == 0 && c.Rearranged == 0)
        {
            return $"No sessions with {input.PersonName} were due between {Date(input.From)} and {Date(input.To)}";
        }
        var parts = new List<string> { $"{c.Attended} of {c.Planned} {(c.Planned == 1 ? "session" : "sessions")} attended" };
        void Add(int n, string words)
        {
            if (n > 0)
            {
                parts.Add($"{n} {words}");
            }
        }
        Add(c.Late, "late");
        Add(c.EndedEarly, "ended early");
        Add(c.CancelledByFamily, $"cancelled by {input.PersonName}");
        Add(c.CancelledByCarer, "cancelled by the carer");
        Add(c.CancelledByAuthority, "cancelled by the local authority");
        Add(c.DidNotAttend, $"where {input.PersonName} wasn't able to attend");
        Add(c.ChildDeclined, $"where {input.ChildName} said no");
        Add(c.Suspended, "suspended");
        Add(c.Indirect, "by phone, video or message instead");
        Add(c.NotClosedOff, "not yet closed off");
        Add(c.Rearranged, "rearranged to another date");
        return string.Join(", ", parts);
    }

    /// <summary>One session's line in the chronology: its date and what became of it.</summary>
    public static string SessionLine(FamilyTimeSession s, RecordVersion? v, int? minutesLate, bool endedEarly, string? reason, PeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(input);
        var what = s.Status switch
        {
            SessionStatus.TookPlace or SessionStatus.EndedEarly when endedEarly => "ended early" + Because(reason),
            SessionStatus.TookPlace or SessionStatus.EndedEarly => "took place",
            SessionStatus.CancelledByParent => $"cancelled by {input.PersonName}" + Because(s.OutcomeReason),
            SessionStatus.CancelledByCarer => "cancelled by the carer" + Because(s.OutcomeReason),
            SessionStatus.CancelledByAuthority => "cancelled by the local authority" + Because(s.OutcomeReason),
            SessionStatus.ParentDidNotAttend => $"{input.PersonName} wasn't able to attend" + Because(s.OutcomeReason),
            SessionStatus.ChildDeclined => $"{input.ChildName} said no" + Because(s.OutcomeReason),
            SessionStatus.Rearranged => "rearranged" + Because(s.OutcomeReason),
            SessionStatus.Suspended => "suspended" + Because(s.OutcomeReason),
            SessionStatus.IndirectContact => "by phone, video or message instead",
            SessionStatus.PlanChanged => "no longer planned: the plan changed",
            _ => "not yet closed off",
        };
        var line = new StringBuilder($"{s.Date.ToString("ddd d MMMM yyyy", English)}, {s.StartTime.ToString("HH:mm", English)}: {what}");
        if (minutesLate is { } m)
        {
            line.Append(CultureInfo.InvariantCulture, $"; {input.PersonName} arrived {m} minutes late");
        }
        if (v is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $" (record, version {v.Number})");
        }
        return line.ToString();
    }

    /// <summary>
    /// Questions for the worker about frequency, length and venue (Appendix 1), each saying what in the records
    /// raised it. They prompt; the worker decides.
    /// </summary>
    public static IReadOnlyList<string> Prompts(PeriodCounts c, BeforeAfterTrend t, PeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(input);
        var prompts = new List<string>();
        if (input.JourneyMinutes is >= 30 and var journey)
        {
            prompts.Add($"The journey to family time is about {journey} minutes each way: is a venue nearer to {input.ChildName}'s home possible?");
        }
        if (c.Late >= 2)
        {
            prompts.Add($"{input.PersonName} arrived more than {Lateness.CountsAsLateAfterMinutes} minutes late to {c.Late} of {c.Attended} sessions: would a different time, a venue nearer to them, or a ringing-in system help?");
        }
        var missed = c.CancelledByFamily + c.DidNotAttend;
        if (missed >= 2)
        {
            prompts.Add($"{missed} sessions didn't go ahead because {input.PersonName} cancelled or wasn't able to attend: what got in the way, and does the frequency suit them and {input.ChildName}?");
        }
        if (t.AfterCount > 0 && t.DistressedAfter * 2 >= t.AfterCount && t.DistressedAfter >= 2)
        {
            prompts.Add($"{input.ChildName} was distressed after {t.DistressedAfter} of {t.AfterCount} sessions the carer rated: are the frequency, length and venue right for {input.ChildName}?");
        }
        if (c.EndedEarly >= 2)
        {
            prompts.Add($"{c.EndedEarly} sessions ended early: is the length of the sessions right?");
        }
        if (c.ChildDeclined >= 2)
        {
            prompts.Add($"{input.ChildName} said no to {c.ChildDeclined} sessions: what does {input.ChildName} want, and would a different time, place or activity help?");
        }
        return prompts;
    }

    /// <summary>The draft the worker edits: the counts, the trend, the records' own words, and the questions left to judge.</summary>
    public static string Draft(PeriodInput input, string headline, BeforeAfterTrend t, IReadOnlyList<Quote> positives, IReadOnlyList<Quote> concerns,
        IReadOnlyList<Quote> words, IReadOnlyList<EarlyEnding> endings, IReadOnlyList<string> prompts)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(t);
        var child = input.ChildName;
        var d = new StringBuilder();
        d.AppendLine(CultureInfo.InvariantCulture, $"Family time with {input.PersonName}, {Date(input.From)} to {Date(input.To)}").AppendLine();
        d.AppendLine("What happened").AppendLine(headline + ".").AppendLine();

        d.AppendLine(CultureInfo.InvariantCulture, $"How {child} was before and after");
        if (t.BeforeCount == 0 && t.AfterCount == 0)
        {
            d.AppendLine("The carer recorded no before-and-after observations for these sessions.");
        }
        else
        {
            d.AppendLine(CultureInfo.InvariantCulture, $"The carer rates {child} from 1 (very settled) to 5 (very unsettled); these are the highest rating each time.");
            d.AppendLine(CultureInfo.InvariantCulture, $"Before sessions: {Average(t.BeforeAverage, t.BeforeCount)}. After sessions: {Average(t.AfterAverage, t.AfterCount)}.");
            if (t.FirstHalfAfterAverage is { } first && t.SecondHalfAfterAverage is { } second)
            {
                d.AppendLine(CultureInfo.InvariantCulture, $"After sessions in the first half of the period: {Number(first)}; in the second half: {Number(second)}.");
            }
            if (t.AfterCount > 0)
            {
                d.AppendLine(CultureInfo.InvariantCulture, $"{child} was distressed (a rating of 4 or 5) after {t.DistressedAfter} of {t.AfterCount} sessions.");
            }
        }
        d.AppendLine();
        Quotes(d, "What went well", positives, "No positives were recorded.");
        Quotes(d, "Worries", concerns, "No worries were recorded.");
        Quotes(d, $"What {child} said", words, $"No words of {child}'s were recorded.");

        d.AppendLine("Was the agreement kept?");
        if (input.WhatEndsSession is { } ends)
        {
            d.AppendLine(CultureInfo.InvariantCulture, $"The written agreement says a session ends if: {ends}");
        }
        d.AppendLine(endings.Count == 0 ? "No session ended early." : "Sessions that ended early:");
        foreach (var e in endings)
        {
            d.AppendLine(CultureInfo.InvariantCulture, $"- {Date(e.Date)}: {e.Reason}");
        }
        d.AppendLine("[Your judgement: was the agreement kept, and how do you know?]").AppendLine();

        d.AppendLine("Frequency, length and venue");
        foreach (var p in prompts)
        {
            d.AppendLine("- " + p);
        }
        d.AppendLine(CultureInfo.InvariantCulture, $"[Your judgement: did the frequency, length and venue suit {child}?]").AppendLine();

        d.AppendLine("Analysis");
        d.Append(CultureInfo.InvariantCulture, $"[Your analysis: the impact on {child}, {input.PersonName}'s engagement, whether the arrangements worked well, and what you propose.]");
        return d.ToString();
    }

    private static void Quotes(StringBuilder d, string heading, IReadOnlyList<Quote> quotes, string none)
    {
        d.AppendLine(heading);
        if (quotes.Count == 0)
        {
            d.AppendLine(none);
        }
        foreach (var q in quotes)
        {
            d.AppendLine(CultureInfo.InvariantCulture, $"- {Date(q.Date)}: “{q.Text}”");
        }
        d.AppendLine();
    }

    private static string Average(double? value, int count) =>
        value is { } v ? $"{Number(v)} on average ({count} {(count == 1 ? "rating" : "ratings")})" : "not recorded";

    private static string Number(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason.Trim()})";
}

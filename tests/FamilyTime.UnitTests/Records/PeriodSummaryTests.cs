using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.UnitTests.Records;

/// <summary>
/// The period summary counts what hand-made records say: 22 sessions due with Mum from January to June, 14 of
/// them attended (3 late, 2 ended early), cancellations by each side, one not closed off, one rearranged, one
/// still to come; Dad's sessions and sessions outside the period left out; a corrected record read as corrected.
/// </summary>
public class PeriodSummaryTests
{
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid MumsArrangement = Guid.NewGuid();
    private static readonly Guid DadsArrangement = Guid.NewGuid();
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 6, 30);
    private static readonly DateOnly Today = new(2025, 6, 20);
    private static readonly DateOnly FirstSaturday = new(2025, 1, 4);
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly DateTime At = new(2025, 6, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Signature Worker = new("cw-1", "Tom Bradley", At);

    /// <summary>What became of each of Mum's Saturdays, in order: 14 attended, then the rest.</summary>
    private static readonly (SessionStatus Status, string? Arrived, string? Reason)[] Saturdays =
    [
        (SessionStatus.TookPlace, "09:55", null),
        (SessionStatus.TookPlace, "10:11", null),                       // late: 11 minutes
        (SessionStatus.TookPlace, "10:10", null),                       // exactly 10 minutes: not counted as late
        (SessionStatus.TookPlace, "10:05", null),                       // corrected to 10:25 in version 2: late
        (SessionStatus.TookPlace, null, null),                          // no arrival recorded
        (SessionStatus.EndedEarly, "10:00", "Mum talked about the court case, which the agreement says ends the session"),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.TookPlace, "10:40", null),                       // late: 40 minutes
        (SessionStatus.EndedEarly, "10:00", "Mia became very upset and asked to go home"),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.TookPlace, "10:00", null),
        (SessionStatus.CancelledByParent, null, "Mum was unwell"),
        (SessionStatus.CancelledByParent, null, "Mum had a hospital appointment"),
        (SessionStatus.CancelledByCarer, null, "Mia had chickenpox"),
        (SessionStatus.CancelledByAuthority, null, "No supervisor was available"),
        (SessionStatus.ParentDidNotAttend, null, null),
        (SessionStatus.ChildDeclined, null, "Mia wanted to go to a birthday party"),
        (SessionStatus.Suspended, null, "Suspended for a week after threats to the carer"),
        (SessionStatus.Rearranged, null, "Moved to the Sunday for the school trip"),
        (SessionStatus.Planned, null, null),                            // past and never closed off
    ];

    private readonly List<FamilyTimeSession> _sessions = [];
    private readonly List<ContactRecord> _records = [];
    private readonly List<CarerObservation> _observations = [];

    public PeriodSummaryTests()
    {
        for (var i = 0; i < Saturdays.Length; i++)
        {
            var (status, arrived, reason) = Saturdays[i];
            var session = Session(MumsArrangement, FirstSaturday.AddDays(7 * i), status, reason);
            if (status is SessionStatus.TookPlace or SessionStatus.EndedEarly)
            {
                _records.Add(Record(session, arrived, status == SessionStatus.EndedEarly ? reason : null, $"Mum and Mia baked biscuits (week {i + 1})",
                    i == 7 ? "Mum arrived flustered and spoke sharply to Mia" : null, i == 9 ? "I want to see Mummy more" : null));
                // Settled before; after, calm in the first half of the period and distressed in the second.
                Observe(session, ObservationMoment.Before, 2);
                Observe(session, ObservationMoment.After, session.Date <= new DateOnly(2025, 3, 31) ? 2 : 4);
            }
        }
        // The fourth record is corrected: Mum in fact arrived at 10:25.
        var corrected = _records[3];
        Assert.True(corrected.Correct(corrected.Current.ToContent() with { ParentArrivedAt = new TimeOnly(10, 25), Positives = "Mum read Mia a story" },
            "The arrival time was taken from the wrong sign-in sheet", assessed: false, Worker).IsValid);

        // Still to come inside the period (after today), and sessions outside it or with Dad: none of them counts.
        Session(MumsArrangement, new DateOnly(2025, 6, 28), SessionStatus.Planned, null);
        Session(MumsArrangement, new DateOnly(2024, 12, 28), SessionStatus.CancelledByCarer, "Christmas");
        Session(MumsArrangement, new DateOnly(2025, 7, 5), SessionStatus.Planned, null);
        var dads = Session(DadsArrangement, new DateOnly(2025, 2, 2), SessionStatus.TookPlace, null);
        _records.Add(Record(dads, "11:00", null, "Dad and Mia played football", null, null));
        Observe(dads, ObservationMoment.After, 5);
    }

    private PeriodInput Input => new("Mia", "Dawn Harper", From, To, Today, [MumsArrangement], _sessions, _records, _observations)
    {
        JourneyMinutes = 45,
        WhatEndsSession = "Talking about the court case",
    };

    private FamilyTimeSession Session(Guid arrangement, DateOnly date, SessionStatus status, string? reason)
    {
        var session = new FamilyTimeSession(Child, arrangement, new SessionSlot(date, Ten, 90, null, null, "cw-1"), "sw-1");
        if (status != SessionStatus.Planned)
        {
            Assert.True(session.Close(status, reason, "sw-1", At, Today).IsValid);
        }
        _sessions.Add(session);
        return session;
    }

    private static ContactRecord Record(FamilyTimeSession session, string? arrived, string? endedEarlyReason, string positives, string? concerns, string? words)
    {
        var content = new RecordContent
        {
            AgeBand = AgeBand.PrimaryAge,
            ParentArrivedAt = arrived is null ? null : TimeOnly.Parse(arrived, System.Globalization.CultureInfo.InvariantCulture),
            StartedAt = Ten,
            EndedAt = endedEarlyReason is null ? new TimeOnly(11, 30) : new TimeOnly(10, 45),
            WhoAttended = "Mia, Dawn Harper (Mum), Tom Bradley (supervisor)",
            Interaction = "Mia ran to Mum and they hugged.",
            Positives = positives,
            Concerns = concerns,
            ChildsWords = words,
            EndedEarly = endedEarlyReason is not null,
            EndedEarlyReason = endedEarlyReason,
        };
        var (record, errors) = ContactRecord.Submit(session.Id, Child, "sw-1", assessed: false, content, session.Date.AddMonths(3), Worker);
        Assert.True(errors.IsValid);
        return record!;
    }

    private void Observe(FamilyTimeSession session, ObservationMoment moment, int highest)
    {
        var ratings = CarerObservation.Areas.ToDictionary(a => a, a => (int?)(a == "Mood" ? highest : 1));
        var (observation, errors) = CarerObservation.Record(session.Id, Child, SessionStatus.TookPlace, moment, ratings, null, "carer-1", At);
        Assert.True(errors.IsValid);
        _observations.Add(observation!);
    }

    [Fact]
    public void Counts_what_became_of_each_session_that_was_due()
    {
        var c = PeriodSummary.Build(Input).Counts;

        Assert.Equal(new PeriodCounts(Planned: 22, Attended: 14, Late: 3, EndedEarly: 2, CancelledByFamily: 2, CancelledByCarer: 1, CancelledByAuthority: 1,
            DidNotAttend: 1, ChildDeclined: 1, Rearranged: 1, Suspended: 1, Indirect: 0, NotClosedOff: 1, StillToCome: 1), c);
    }

    [Fact]
    public void Sessions_the_plan_withdrew_count_nowhere_as_if_never_planned()
    {
        var before = PeriodSummary.Build(Input);
        // A Sunday in the period, and one still to come, planned and then withdrawn when the plan changed.
        foreach (var date in new[] { new DateOnly(2025, 3, 9), new DateOnly(2025, 6, 29) })
        {
            var withdrawn = new FamilyTimeSession(Child, MumsArrangement, new SessionSlot(date, Ten, 90, null, null, "cw-1"), "sw-1");
            withdrawn.WithdrawFromPlan(SessionPlanner.PlanChangedReason, "sw-1", At.AddMonths(-4));
            _sessions.Add(withdrawn);
        }

        var after = PeriodSummary.Build(Input);

        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Headline, after.Headline);
        Assert.Equal(before.Chronology.Count, after.Chronology.Count);
    }

    [Fact]
    public void The_chronology_opens_with_the_counts_in_plain_words()
    {
        var summary = PeriodSummary.Build(Input);

        Assert.Equal("14 of 22 sessions attended, 3 late, 2 ended early, 2 cancelled by Dawn Harper, 1 cancelled by the carer, "
            + "1 cancelled by the local authority, 1 where Dawn Harper wasn't able to attend, 1 where Mia said no, 1 suspended, "
            + "1 not yet closed off, 1 rearranged to another date", summary.Headline);
        Assert.StartsWith("What happened\n" + summary.Headline + ".", summary.Draft.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", 2)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_due_session_has_a_line_linking_to_its_record()
    {
        var summary = PeriodSummary.Build(Input);

        Assert.Equal(23, summary.Chronology.Count);
        Assert.Equal(_sessions.Take(23).Select(s => s.Id), summary.Chronology.Select(l => l.SessionId));
        var late = summary.Chronology[7];
        Assert.Equal("Sat 22 February 2025, 10:00: took place; Dawn Harper arrived 40 minutes late (record, version 1)", late.Text);
        Assert.Equal(_records[7].Id, late.RecordId);
        Assert.Equal(_records[7].Current.Id, late.RecordVersionId);
        Assert.Equal("Sat 8 February 2025, 10:00: ended early (Mum talked about the court case, which the agreement says ends the session) (record, version 1)",
            summary.Chronology[5].Text);
        Assert.Equal("Sat 12 April 2025, 10:00: cancelled by Dawn Harper (Mum was unwell)", summary.Chronology[14].Text);
        Assert.Equal("Sat 10 May 2025, 10:00: Dawn Harper wasn't able to attend", summary.Chronology[18].Text);
        Assert.Equal("Sat 7 June 2025, 10:00: not yet closed off", summary.Chronology[22].Text);
        Assert.Null(summary.Chronology[14].RecordId);
    }

    [Fact]
    public void A_corrected_record_is_read_at_its_current_version()
    {
        var summary = PeriodSummary.Build(Input);

        var line = summary.Chronology[3];
        Assert.Equal("Sat 25 January 2025, 10:00: took place; Dawn Harper arrived 25 minutes late (record, version 2)", line.Text);
        Assert.Equal(2, line.VersionNumber);
        Assert.Contains(summary.Positives, q => q.Text == "Mum read Mia a story" && q.Date == new DateOnly(2025, 1, 25));
        Assert.DoesNotContain(summary.Positives, q => q.Text == "Mum and Mia baked biscuits (week 4)");
        Assert.Equal(_records.Take(14).Select(r => r.Current.Id), summary.RecordVersionIds);
    }

    [Fact]
    public void A_saved_assessment_reads_the_versions_it_drew_on_even_after_a_correction()
    {
        var pinned = _records.Take(14).Select(r => r.Versions[0].Id).ToHashSet();

        var summary = PeriodSummary.Build(Input with { PinnedVersionIds = pinned });

        Assert.Equal(2, summary.Counts.Late);
        Assert.Equal("Sat 25 January 2025, 10:00: took place (record, version 1)", summary.Chronology[3].Text);
        Assert.Equal(pinned.Order(), summary.RecordVersionIds.Order());
    }

    [Fact]
    public void Positives_worries_and_the_childs_words_are_quoted_with_their_dates()
    {
        var summary = PeriodSummary.Build(Input);

        Assert.Equal(14, summary.Positives.Count);
        Assert.Equal([new Quote(new DateOnly(2025, 2, 22), _sessions[7].Id, _records[7].Id, "Mum arrived flustered and spoke sharply to Mia")], summary.Concerns);
        Assert.Equal("I want to see Mummy more", Assert.Single(summary.ChildsWords).Text);
        Assert.Contains("- 22 February 2025: “Mum arrived flustered and spoke sharply to Mia”", summary.Draft, StringComparison.Ordinal);
        Assert.Contains("- 8 March 2025: “I want to see Mummy more”", summary.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("football", summary.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Early_endings_are_listed_with_their_reasons_beside_the_agreement_for_the_worker_to_judge()
    {
        var summary = PeriodSummary.Build(Input);

        Assert.Equal(["Mum talked about the court case, which the agreement says ends the session", "Mia became very upset and asked to go home"],
            summary.EarlyEndings.Select(e => e.Reason));
        Assert.Contains("The written agreement says a session ends if: Talking about the court case", summary.Draft, StringComparison.Ordinal);
        Assert.Contains("- 8 February 2025: Mum talked about the court case", summary.Draft, StringComparison.Ordinal);
        Assert.Contains("[Your judgement: was the agreement kept, and how do you know?]", summary.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void The_before_and_after_trend_compares_the_halves_of_the_period()
    {
        var t = PeriodSummary.Build(Input).Trend;

        // The period's middle is 1 April: 13 attended sessions fall before it (calm after), the 14th on 5 April (distressed after).
        Assert.Equal(2.0, t.BeforeAverage);
        Assert.Equal(14, t.BeforeCount);
        Assert.Equal(14, t.AfterCount);
        Assert.Equal(2.0, t.FirstHalfAfterAverage);
        Assert.Equal(4.0, t.SecondHalfAfterAverage);
        Assert.Equal(1, t.DistressedAfter);
    }

    [Fact]
    public void Prompts_about_frequency_and_venue_say_what_raised_them()
    {
        var prompts = PeriodSummary.Build(Input).Prompts;

        Assert.Contains("The journey to family time is about 45 minutes each way: is a venue nearer to Mia's home possible?", prompts);
        Assert.Contains(prompts, p => p.StartsWith("Dawn Harper arrived more than 10 minutes late to 3 of 14 sessions", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.StartsWith("3 sessions didn't go ahead because Dawn Harper cancelled or wasn't able to attend", StringComparison.Ordinal));
        Assert.Contains("2 sessions ended early: is the length of the sessions right?", prompts);
        Assert.DoesNotContain(prompts, p => p.Contains("distressed", StringComparison.Ordinal));
        Assert.DoesNotContain(prompts, p => p.Contains("failed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_period_with_no_sessions_says_so()
    {
        var summary = PeriodSummary.Build(Input with { From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 3, 31) });

        Assert.Equal("No sessions with Dawn Harper were due between 1 January 2023 and 31 March 2023", summary.Headline);
        Assert.Empty(summary.Chronology);
        Assert.Empty(summary.RecordVersionIds);
    }
}

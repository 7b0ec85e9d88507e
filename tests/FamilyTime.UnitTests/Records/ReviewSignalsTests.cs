using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.UnitTests.Records;

/// <summary>
/// The signals that prompt a review, over generated histories: a child who sees Kelly (Mum) on Saturdays and
/// Darren (Dad) on Wednesdays, with the carer's ratings after each session.
/// </summary>
public class ReviewSignalsTests
{
    private static readonly DateOnly Today = new(2025, 11, 20);
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly SignalPerson Kelly = new(Guid.NewGuid(), "Kelly");
    private static readonly SignalPerson Darren = new(Guid.NewGuid(), "Darren");
    private static readonly Guid WithKelly = Guid.NewGuid();
    private static readonly Guid WithDarren = Guid.NewGuid();
    private static readonly TimeOnly Ten = new(10, 0);

    /// <summary>A generated history: one session a week with each person, oldest first, ending before today.</summary>
    private sealed class History
    {
        public List<SessionFacts> Sessions { get; } = [];
        public List<CarerObservation> Observations { get; } = [];
        public List<SessionRecordFacts> Records { get; } = [];
        public Dictionary<Guid, IReadOnlySet<DifficultFamilyTimeFactor>> Factors { get; } = [];
        public Dictionary<Guid, IReadOnlyList<SignalPerson>> People { get; } = new() { [WithKelly] = [Kelly], [WithDarren] = [Darren] };

        /// <summary>Adds a session <paramref name="weeksAgo"/> weeks ago, rated afterwards (highest rating) unless null.</summary>
        public SessionFacts Add(Guid arrangement, int weeksAgo, int? afterRating, SessionStatus status = SessionStatus.TookPlace, TimeOnly? arrived = null, bool endedEarly = false, int? beforeRating = null)
        {
            var session = new SessionFacts(Guid.NewGuid(), Today.AddDays(-7 * weeksAgo - (arrangement == WithKelly ? 0 : 3)), Ten, arrangement, status);
            Sessions.Add(session);
            if (afterRating is { } a)
            {
                Observations.Add(Rated(session, ObservationMoment.After, a));
            }
            if (beforeRating is { } b)
            {
                Observations.Add(Rated(session, ObservationMoment.Before, b));
            }
            if (arrived is not null || endedEarly)
            {
                Records.Add(new SessionRecordFacts(session.Id, arrived, endedEarly));
            }
            return session;
        }

        public IReadOnlyList<ReviewSignal> Signals(ReviewThresholds? thresholds = null) =>
            ReviewSignals.Evaluate(new ReviewEvidence(Today, Sessions, People, Observations, Records, Factors), thresholds);
    }

    private static CarerObservation Rated(SessionFacts session, ObservationMoment moment, int highest)
    {
        // One area carries the rating; the rest are settled, as a single bad night is what the carer would notice.
        var ratings = CarerObservation.Areas.ToDictionary(a => a, a => (int?)(a == "Mood" ? highest : 1));
        var (o, errors) = CarerObservation.Record(session.Id, Child, SessionStatus.TookPlace, moment, ratings, null, "carer", session.Date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc));
        Assert.True(errors.IsValid);
        return o!;
    }

    [Fact]
    public void Distress_after_three_of_the_last_five_sessions_with_one_person_fires_and_names_the_dates()
    {
        var h = new History();
        var ratings = new[] { 1, 4, 2, 5, 4 }; // oldest first, one a week up to today
        var sessions = ratings.Select((r, i) => h.Add(WithKelly, 4 - i, r)).ToList();

        var signal = Assert.Single(h.Signals());

        Assert.Equal(ReviewSignalKind.DistressAfterSessions, signal.Kind);
        Assert.Equal([Kelly.Id], signal.PersonIds);
        Assert.Equal([sessions[1].Id, sessions[3].Id, sessions[4].Id], signal.EvidenceSessionIds);
        Assert.Equal("Distressed after 3 of the last 5 sessions with Kelly (30 Oct, 13 Nov, 20 Nov)", signal.Why);
    }

    [Fact]
    public void A_calm_history_fires_nothing()
    {
        var h = new History();
        for (var week = 10; week >= 0; week--)
        {
            h.Add(WithKelly, week, week % 2 == 0 ? 3 : 2, beforeRating: 4);
            h.Add(WithDarren, week, 1);
        }
        Assert.Empty(h.Signals());
    }

    [Theory]
    [InlineData(new[] { 1, 4, 1, 5, 1 }, false)] // 2 of 5
    [InlineData(new[] { 4, 1, 4, 1, 4 }, true)] // 3 of 5
    [InlineData(new[] { 4, 4, 4, 1, 1, 1, 1, 1 }, false)] // 3 distressed, but not in the last 5
    [InlineData(new[] { 5, 5, 5 }, true)] // only 3 rated so far, all distressed
    [InlineData(new[] { 3, 3, 3, 3, 3 }, false)] // 3 is a little unsettled, not distressed
    public void Distress_counts_only_the_last_five_rated_sessions(int[] ratingsOldestFirst, bool fires)
    {
        var h = new History();
        for (var i = 0; i < ratingsOldestFirst.Length; i++)
        {
            h.Add(WithKelly, ratingsOldestFirst.Length - 1 - i, ratingsOldestFirst[i]);
        }
        Assert.Equal(fires, h.Signals().Any(s => s.Kind == ReviewSignalKind.DistressAfterSessions));
    }

    [Fact]
    public void Distress_after_another_persons_sessions_is_not_counted_against_this_person()
    {
        var h = new History();
        // Distressed after every session with Darren, settled after every one with Kelly, interleaved in time.
        for (var week = 5; week >= 0; week--)
        {
            h.Add(WithKelly, week, 1);
            h.Add(WithDarren, week, 5);
        }
        var signal = Assert.Single(h.Signals());
        Assert.Equal([Darren.Id], signal.PersonIds);
        Assert.StartsWith("Distressed after 5 of the last 5 sessions with Darren", signal.Why);
    }

    [Fact]
    public void Distress_before_a_session_and_sessions_not_yet_happened_do_not_count()
    {
        var h = new History();
        for (var week = 4; week >= 0; week--)
        {
            h.Add(WithKelly, week, 1, beforeRating: 5);
        }
        // Future sessions cannot have been rated after, even if someone typed a rating in.
        h.Add(WithKelly, -1, 5);
        h.Add(WithKelly, -2, 5);
        h.Add(WithKelly, -3, 5);
        Assert.Empty(h.Signals());
    }

    [Fact]
    public void Unrated_sessions_neither_count_as_settled_nor_hide_the_pattern()
    {
        var h = new History();
        h.Add(WithKelly, 6, 5);
        h.Add(WithKelly, 5, null);
        h.Add(WithKelly, 4, 4);
        h.Add(WithKelly, 3, null);
        h.Add(WithKelly, 2, 1);
        h.Add(WithKelly, 1, null);
        h.Add(WithKelly, 0, 4);
        var signal = Assert.Single(h.Signals());
        Assert.Equal("Distressed after 3 of the last 4 sessions with Kelly (9 Oct, 23 Oct, 20 Nov)", signal.Why);
    }

    [Fact]
    public void Thresholds_can_be_set_by_the_service()
    {
        var h = new History();
        h.Add(WithKelly, 1, 1);
        h.Add(WithKelly, 0, 4);
        Assert.Empty(h.Signals());
        Assert.Single(h.Signals(new ReviewThresholds { DistressCount = 1, DistressWindow = 2 }));
    }

    [Fact]
    public void Brothers_seen_together_share_one_signal_naming_both()
    {
        var kit = new SignalPerson(Guid.NewGuid(), "Kit");
        var jory = new SignalPerson(Guid.NewGuid(), "Jory");
        var h = new History();
        h.People[WithKelly] = [kit, jory];
        for (var week = 2; week >= 0; week--)
        {
            h.Add(WithKelly, week, 5);
        }
        var signal = Assert.Single(h.Signals());
        Assert.Equal([kit.Id, jory.Id], signal.PersonIds);
        Assert.Contains("sessions with Kit and Jory", signal.Why);
    }

    [Fact]
    public void Late_by_more_than_ten_minutes_or_not_able_to_come_in_two_of_the_last_four_fires()
    {
        var h = new History();
        h.Add(WithDarren, 5, null, SessionStatus.ParentDidNotAttend); // outside the last 4
        h.Add(WithDarren, 4, null, arrived: new TimeOnly(10, 40)); // outside the last 4
        var late = h.Add(WithDarren, 3, null, arrived: new TimeOnly(10, 25));
        h.Add(WithDarren, 2, null, arrived: new TimeOnly(10, 10)); // exactly 10 minutes: not late
        h.Add(WithDarren, 1, null, SessionStatus.CancelledByAuthority); // not a session Darren was expected at
        var absent = h.Add(WithDarren, 0, null, SessionStatus.ParentDidNotAttend);
        h.Add(WithDarren, 0, null, arrived: new TimeOnly(9, 50));

        var signal = Assert.Single(h.Signals());
        Assert.Equal(ReviewSignalKind.LateOrNotAttending, signal.Kind);
        Assert.Equal([late.Id, absent.Id], signal.EvidenceSessionIds);
        Assert.Equal("Late or not able to come to 2 of the last 4 sessions with Darren (27 Oct, 25 minutes late; 17 Nov, not able to come)", signal.Why);
    }

    [Fact]
    public void One_late_arrival_in_the_last_four_does_not_fire_and_a_second_does()
    {
        var h = new History();
        h.Add(WithDarren, 4, null, arrived: new TimeOnly(10, 30)); // outside the last 4
        h.Add(WithDarren, 3, null, arrived: new TimeOnly(10, 0));
        h.Add(WithDarren, 2, null, arrived: new TimeOnly(10, 11)); // 11 minutes: late
        h.Add(WithDarren, 1, null); // no arrival recorded: not known to be late
        h.Add(WithDarren, 0, null, arrived: new TimeOnly(10, 5));
        Assert.DoesNotContain(h.Signals(), s => s.Kind == ReviewSignalKind.LateOrNotAttending);

        h.Add(WithDarren, 0, null, arrived: new TimeOnly(10, 12));
        var signal = Assert.Single(h.Signals());
        Assert.Equal(ReviewSignalKind.LateOrNotAttending, signal.Kind);
        Assert.Contains("(3 Nov, 11 minutes late; 17 Nov, 12 minutes late)", signal.Why);
    }

    [Fact]
    public void Two_sessions_ended_early_in_the_last_five_fires_whether_the_status_or_the_record_says_so()
    {
        var h = new History();
        var byStatus = h.Add(WithKelly, 4, null, SessionStatus.EndedEarly);
        h.Add(WithKelly, 3, null);
        h.Add(WithKelly, 2, null, SessionStatus.CancelledByParent); // did not take place: not in the window
        Assert.Empty(h.Signals());

        var byRecord = h.Add(WithKelly, 1, null, endedEarly: true);
        var signal = Assert.Single(h.Signals());
        Assert.Equal(ReviewSignalKind.EndedEarly, signal.Kind);
        Assert.Equal([byStatus.Id, byRecord.Id], signal.EvidenceSessionIds);
        Assert.Equal("2 of the last 3 sessions with Kelly ended early (23 Oct, 13 Nov)", signal.Why);
    }

    [Fact]
    public void A_serious_risk_ticked_asks_for_a_full_risk_assessment_before_the_next_session()
    {
        var h = new History();
        h.Add(WithDarren, 1, 1);
        var next = h.Add(WithDarren, -1, null, SessionStatus.Planned);
        h.Add(WithDarren, -2, null, SessionStatus.Planned);
        h.Factors[WithDarren] = new HashSet<DifficultFamilyTimeFactor> { DifficultFamilyTimeFactor.RiskToCarersOrChild, DifficultFamilyTimeFactor.SubstanceMisuse };

        var signals = h.Signals();

        Assert.Equal([ReviewSignalKind.FullRiskAssessmentNeeded, ReviewSignalKind.DifficultFactors], signals.Select(s => s.Kind));
        var risk = signals[0];
        Assert.Equal([Darren.Id], risk.PersonIds);
        Assert.Equal([next.Id], risk.EvidenceSessionIds);
        Assert.Equal("A full risk assessment is needed before the next session with Darren (planned for 24 Nov): risk of harm to the carers or the child, or threats to take the child", risk.Why);
        Assert.Contains("drug or alcohol misuse; risk of harm", signals[1].Why);
        Assert.Contains("Review how often, where, when and how it is supervised", signals[1].Why);
    }

    [Fact]
    public void A_factor_that_is_not_a_serious_risk_prompts_a_review_without_a_risk_assessment()
    {
        var h = new History();
        h.Factors[WithKelly] = new HashSet<DifficultFamilyTimeFactor> { DifficultFamilyTimeFactor.UnderminesHome };
        h.Factors[WithDarren] = new HashSet<DifficultFamilyTimeFactor>();
        var signal = Assert.Single(h.Signals());
        Assert.Equal(ReviewSignalKind.DifficultFactors, signal.Kind);
        Assert.Equal([Kelly.Id], signal.PersonIds);
    }

    [Fact]
    public void The_eight_factors_are_listed_and_threats_and_risk_are_the_serious_ones()
    {
        Assert.Equal(8, DifficultFamilyTimeFactors.All.Count);
        Assert.Equal(
            [DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers, DifficultFamilyTimeFactor.RiskToCarersOrChild],
            DifficultFamilyTimeFactors.All.Where(DifficultFamilyTimeFactors.IsSeriousRisk));
        Assert.All(DifficultFamilyTimeFactors.All, f => Assert.DoesNotContain("contact", DifficultFamilyTimeFactors.Describe(f), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Dates_in_another_year_carry_the_year()
    {
        Assert.Equal("12 Oct", ReviewSignals.Date(new DateOnly(2025, 10, 12), Today));
        Assert.Equal("30 Dec 2024", ReviewSignals.Date(new DateOnly(2024, 12, 30), Today));
    }
}

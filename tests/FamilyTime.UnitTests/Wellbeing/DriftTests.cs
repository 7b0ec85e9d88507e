using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.UnitTests.Wellbeing;

/// <summary>Drift and fading (DOMAIN.md, "What evidence and peers add"): family time that stops happening prompts a review.</summary>
public class DriftTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);
    private static readonly SignalPerson Mum = new(Guid.NewGuid(), "Joanne Okonkwo");
    private static readonly SignalPerson Dad = new(Guid.NewGuid(), "Marcus Reid");
    private static readonly Guid WithMum = Guid.NewGuid();

    private static SessionFacts Held(int daysAgo, SessionStatus status = SessionStatus.TookPlace, Guid? arrangement = null) =>
        new(Guid.NewGuid(), Today.AddDays(-daysAgo), new TimeOnly(10, 0), arrangement ?? WithMum, status);

    private static IReadOnlyList<DriftFinding> Find(DateOnly startsOn, params SessionFacts[] sessions) =>
        Drift.Find(Today, [new DriftArrangement(WithMum, [Mum], startsOn)], sessions);

    [Fact]
    public void Arrangement_with_no_session_held_for_14_days_prompts_a_look()
    {
        var found = Assert.Single(Find(Today.AddYears(-1), Held(14)));
        Assert.Equal(ReviewSignalKind.NothingHeldForTwoWeeks, found.Kind);
        Assert.Equal(14, found.Days);
        Assert.Empty(Find(Today.AddYears(-1), Held(13)));
    }

    [Fact]
    public void Arrangement_with_no_session_held_for_30_days_prompts_a_review()
    {
        var found = Assert.Single(Find(Today.AddYears(-1), Held(30)));
        Assert.Equal(ReviewSignalKind.NothingHeldForAMonth, found.Kind);
        Assert.Contains("30 days", Drift.Describe(found, "Joanne Okonkwo", Today), StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_counts_only_sessions_held_not_cancelled_or_missed_ones()
    {
        var found = Assert.Single(Find(Today.AddYears(-1), Held(40), Held(3, SessionStatus.CancelledByParent), Held(10, SessionStatus.ParentDidNotAttend), Held(20, SessionStatus.EndedEarly)));
        Assert.Equal(20, found.Days); // ended early still took place
        Assert.Equal(Today.AddDays(-20), found.LastHeld);
    }

    [Fact]
    public void Drift_counts_from_the_first_date_when_nothing_has_been_held()
    {
        Assert.Empty(Find(Today.AddDays(-5)));
        Assert.Empty(Find(Today.AddDays(10)));
        var found = Assert.Single(Find(Today.AddDays(-16)));
        Assert.Null(found.LastHeld);
        Assert.Equal(16, found.Days);
    }

    [Fact]
    public void Drift_thresholds_are_the_services_to_set()
    {
        var thresholds = new ReviewThresholds { DriftDays = 7, FadingDays = 21 };
        var found = Drift.Find(Today, [new DriftArrangement(WithMum, [Mum], Today.AddYears(-1))], [Held(21)], thresholds);
        Assert.Equal(ReviewSignalKind.NothingHeldForAMonth, Assert.Single(found).Kind);
    }

    [Fact]
    public void Drift_shows_among_the_prompts_for_a_review_naming_the_person()
    {
        var sessions = new List<SessionFacts> { Held(35) };
        var evidence = new ReviewEvidence(Today, sessions, new Dictionary<Guid, IReadOnlyList<SignalPerson>> { [WithMum] = [Mum] }, [], [],
            new Dictionary<Guid, IReadOnlySet<Domain.Records.DifficultFamilyTimeFactor>>(), [new DriftArrangement(WithMum, [Mum], Today.AddYears(-1))]);
        var signal = Assert.Single(ReviewSignals.Evaluate(evidence));
        Assert.Equal(ReviewSignalKind.NothingHeldForAMonth, signal.Kind);
        Assert.Equal([Mum.Id], signal.PersonIds);
        Assert.Equal([sessions[0].Id], signal.EvidenceSessionIds);
        Assert.Contains("Joanne Okonkwo", signal.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_counts_each_persons_sessions_held_month_by_month_since_coming_into_care()
    {
        var withBoth = Guid.NewGuid();
        var arrangements = new Dictionary<Guid, IReadOnlyList<Guid>> { [WithMum] = [Mum.Id], [withBoth] = [Mum.Id, Dad.Id] };
        TrendSession[] sessions =
        [
            new(new DateOnly(2026, 9, 5), WithMum, SessionStatus.TookPlace, 90),
            new(new DateOnly(2026, 9, 12), WithMum, SessionStatus.CancelledByParent, 90),
            new(new DateOnly(2026, 10, 3), withBoth, SessionStatus.EndedEarly, 60),
            new(new DateOnly(2026, 11, 30), WithMum, SessionStatus.Planned, 90),
        ];
        var trends = FamilyTimeTrend.For(new DateOnly(2026, 9, 1), Today, [Mum, Dad], arrangements, sessions);
        var mum = trends.Single(t => t.PersonId == Mum.Id);
        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], mum.Months.Select(m => m.Month));
        Assert.Equal([1, 1, 0], mum.Months.Select(m => m.Held));
        Assert.Equal(1, mum.Months[0].NotHeld);
        Assert.Equal(90, mum.Months[0].Minutes);
        Assert.Equal([0, 1, 0], trends.Single(t => t.PersonId == Dad.Id).Months.Select(m => m.Held));
    }

    [Fact]
    public void Trend_leaves_out_sessions_the_plan_withdrew_they_are_not_family_time_missed()
    {
        var arrangements = new Dictionary<Guid, IReadOnlyList<Guid>> { [WithMum] = [Mum.Id] };
        TrendSession[] sessions =
        [
            new(new DateOnly(2026, 9, 5), WithMum, SessionStatus.TookPlace, 90),
            new(new DateOnly(2026, 9, 12), WithMum, SessionStatus.PlanChanged, 90),
            new(new DateOnly(2026, 9, 19), WithMum, SessionStatus.CancelledByParent, 90),
        ];

        var mum = Assert.Single(FamilyTimeTrend.For(new DateOnly(2026, 9, 1), Today, [Mum], arrangements, sessions));

        Assert.Equal((1, 1), (mum.Months[0].Held, mum.Months[0].NotHeld));
    }

    [Fact]
    public void Trend_marks_a_relationship_fading_when_recent_months_hold_less_than_half_of_before()
    {
        var cameIntoCare = Today.AddMonths(-24);
        var arrangements = new Dictionary<Guid, IReadOnlyList<Guid>> { [WithMum] = [Mum.Id] };
        // Weekly for the first 18 months, then once a month.
        var sessions = Enumerable.Range(0, 24).SelectMany(m =>
        {
            var month = new DateOnly(cameIntoCare.Year, cameIntoCare.Month, 1).AddMonths(m);
            var count = m < 18 ? 4 : 1;
            return Enumerable.Range(0, count).Select(w => new TrendSession(month.AddDays(7 * w), WithMum, SessionStatus.TookPlace, 60));
        }).ToList();
        var fading = Assert.Single(FamilyTimeTrend.For(cameIntoCare, Today, [Mum], arrangements, sessions));
        Assert.True(fading.Fading);
        Assert.Equal(1, fading.RecentPerMonth);
        var steady = Assert.Single(FamilyTimeTrend.For(cameIntoCare, Today, [Mum], arrangements,
            sessions.Where(s => s.Date < Today.AddMonths(-6)).Concat(Enumerable.Range(0, 6).Select(m => new TrendSession(Today.AddMonths(-m - 1), WithMum, SessionStatus.TookPlace, 60)))
                .Concat(Enumerable.Range(0, 6).SelectMany(m => Enumerable.Range(0, 3).Select(d => new TrendSession(Today.AddMonths(-m - 1).AddDays(-d - 1), WithMum, SessionStatus.TookPlace, 60))))));
        Assert.False(steady.Fading);
    }
}

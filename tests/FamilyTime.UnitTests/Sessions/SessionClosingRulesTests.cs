using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.UnitTests.Sessions;

/// <summary>Issue 10, items 1, 6 and 13: what a session may be closed as, and why.</summary>
public class SessionClosingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);
    private static readonly DateTime At = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);
    private static readonly SessionRules Supervised = new(NeedsRecord: true);
    private static readonly SessionRules Unsupervised = SessionRules.NoRecordNeeded;
    private static readonly Signature Worker = new("sw-1", "Sam Patel", At);
    private static readonly Signature Manager = new("tm-1", "Terry Manager", At);

    private static FamilyTimeSession Yesterday() =>
        new(Guid.NewGuid(), Guid.NewGuid(), new SessionSlot(Today.AddDays(-1), new TimeOnly(10, 0), 90, null, null, "cw-1"), "sw-1");

    [Theory]
    [InlineData(SessionStatus.TookPlace)]
    [InlineData(SessionStatus.EndedEarly)]
    public void Supervised_session_cannot_close_as_held_without_a_record(SessionStatus held)
    {
        var session = Yesterday();
        var errors = session.Close(new SessionClosing(held, "It went ahead"), Supervised, "sw-1", At, Today);
        Assert.False(errors.IsValid);
        Assert.Contains("record", errors.ByField["Status"][0], StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, session.Status);
        Assert.True(session.IsRecordOverdue(needsRecord: true, Today));
    }

    [Fact]
    public void Unsupervised_session_closes_as_took_place_without_a_record()
    {
        var session = Yesterday();
        Assert.True(session.Close(new SessionClosing(SessionStatus.TookPlace, null), Unsupervised, "sw-1", At, Today).IsValid);
        Assert.Equal(SessionStatus.TookPlace, session.Status);
        Assert.False(session.AwaitsRecord(needsRecord: false, Today));
    }

    [Fact]
    public void Supervised_session_may_still_close_as_not_held_or_indirect()
    {
        var cancelled = Yesterday();
        Assert.True(cancelled.Close(new SessionClosing(SessionStatus.CancelledByParent, "Mum was unwell"), Supervised, "sw-1", At, Today).IsValid);
        var indirect = Yesterday();
        Assert.True(indirect.Close(new SessionClosing(SessionStatus.IndirectContact, null), Supervised, "sw-1", At, Today).IsValid);
        Assert.False(indirect.AwaitsRecord(needsRecord: true, Today));
    }

    [Fact]
    public void A_session_held_without_a_record_before_the_rule_still_awaits_its_record()
    {
        var session = Yesterday();
        // History as it stood: closed as held with no record.
        Assert.True(session.Close(SessionStatus.TookPlace, null, "sw-1", At, Today).IsValid);
        Assert.True(session.IsRecordOverdue(needsRecord: true, Today));
        session.MarkRecorded(At, SessionStatus.TookPlace);
        Assert.False(session.AwaitsRecord(needsRecord: true, Today));
    }

    [Fact]
    public void Cancellation_by_the_service_needs_a_coded_reason()
    {
        var session = Yesterday();
        var errors = session.Close(new SessionClosing(SessionStatus.CancelledByAuthority, "No worker"), Supervised, "sw-1", At, Today);
        Assert.Equal("Choose why we cancelled, from the list", errors.ByField["CancellationReason"][0]);
        Assert.True(session.Close(new SessionClosing(SessionStatus.CancelledByAuthority, "No worker", ServiceCancellationReason.WorkerUnavailable), Supervised, "sw-1", At, Today).IsValid);
        Assert.Equal(ServiceCancellationReason.WorkerUnavailable, session.CancellationReason);
    }

    [Fact]
    public void Coded_reason_is_only_for_a_cancellation_by_the_service()
    {
        var errors = Yesterday().Close(new SessionClosing(SessionStatus.CancelledByParent, "Mum was unwell", ServiceCancellationReason.ChildUnwell), Supervised, "sw-1", At, Today);
        Assert.True(errors.ByField.ContainsKey("CancellationReason"));
    }

    [Fact]
    public void Cancellation_reasons_have_no_entry_for_behaviour()
    {
        foreach (var reason in ServiceCancellationReasons.All)
        {
            var words = ServiceCancellationReasons.Describe(reason);
            Assert.DoesNotContain("behav", words, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("behav", reason.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("punish", words, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sanction", words, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static readonly HashSet<DifficultFamilyTimeFactor> Threats = [DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers, DifficultFamilyTimeFactor.SubstanceMisuse];

    [Fact]
    public void Risk_of_harm_ticked_blocks_marking_the_next_session_held_until_a_risk_assessment()
    {
        var refusal = RiskGate.Refusal(Threats, []);
        Assert.NotNull(refusal);
        var session = Yesterday();
        Assert.False(session.Close(new SessionClosing(SessionStatus.TookPlace, null), new SessionRules(false, refusal), "sw-1", At, Today).IsValid);
        Assert.Equal(SessionStatus.Planned, session.Status);
        // Not being held is not blocked: the session can still be cancelled.
        Assert.True(session.Close(new SessionClosing(SessionStatus.CancelledByAuthority, "Waiting for the risk assessment", ServiceCancellationReason.AssessedRiskToSafety),
            new SessionRules(false, refusal), "sw-1", At, Today).IsValid);

        var (assessment, errors) = RiskAssessment.Record(Guid.NewGuid(), Guid.NewGuid(), Threats, "Sam Patel, social worker", Today.AddDays(-1),
            RiskAssessmentOutcome.GoAheadWithChanges, "A second worker attends; handover at the door.", Today, Worker);
        Assert.True(errors.IsValid);
        Assert.Null(RiskGate.Refusal(Threats, [assessment!]));
    }

    [Fact]
    public void Factors_that_are_not_serious_risks_do_not_close_the_gate() =>
        Assert.Null(RiskGate.Refusal([DifficultFamilyTimeFactor.SubstanceMisuse, DifficultFamilyTimeFactor.UnreliableOrPersistentlyLate], []));

    [Fact]
    public void Risk_assessment_that_finds_it_not_safe_keeps_the_gate_shut()
    {
        var (assessment, _) = RiskAssessment.Record(Guid.NewGuid(), Guid.NewGuid(), Threats, "Sam Patel", Today, RiskAssessmentOutcome.NotSafeToGoAhead, "Not safe yet.", Today, Worker);
        Assert.NotNull(RiskGate.Refusal(Threats, [assessment!]));
    }

    [Fact]
    public void Risk_assessment_covers_only_the_factors_ticked_when_it_was_recorded()
    {
        var (assessment, _) = RiskAssessment.Record(Guid.NewGuid(), Guid.NewGuid(), Threats, "Sam Patel", Today, RiskAssessmentOutcome.GoAhead, "Fine.", Today, Worker);
        var later = new HashSet<DifficultFamilyTimeFactor>(Threats) { DifficultFamilyTimeFactor.RiskToCarersOrChild };
        Assert.Equal([DifficultFamilyTimeFactor.RiskToCarersOrChild], RiskGate.Uncovered(later, [assessment!]));
    }

    [Fact]
    public void Risk_assessment_needs_who_when_and_outcome()
    {
        var (assessment, errors) = RiskAssessment.Record(Guid.NewGuid(), Guid.NewGuid(), Threats, " ", null, null, "", Today, Worker);
        Assert.Null(assessment);
        Assert.Equal(["AssessedBy", "AssessedOn", "Outcome", "Summary"], errors.ByField.Keys.Order().ToArray());
        var (_, future) = RiskAssessment.Record(Guid.NewGuid(), Guid.NewGuid(), Threats, "Sam", Today.AddDays(1), RiskAssessmentOutcome.GoAhead, "x", Today, Worker);
        Assert.True(future.ByField.ContainsKey("AssessedOn"));
    }

    [Fact]
    public void Team_manager_override_opens_the_gate_only_with_a_reason()
    {
        var (none, errors) = RiskAssessment.Override(Guid.NewGuid(), Guid.NewGuid(), Threats, "  ", Today, Manager);
        Assert.Null(none);
        Assert.True(errors.ByField.ContainsKey("OverrideReason"));
        var (ok, _) = RiskAssessment.Override(Guid.NewGuid(), Guid.NewGuid(), Threats, "The assessment is booked for Friday; a second worker attends.", Today, Manager);
        Assert.Equal(RiskClearanceKind.ManagerOverride, ok!.Kind);
        Assert.Equal("Terry Manager", ok.AssessedBy);
        Assert.Null(RiskGate.Refusal(Threats, [ok]));
    }
}

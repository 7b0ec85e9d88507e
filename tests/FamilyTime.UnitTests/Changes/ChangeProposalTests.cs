using System.Text.Json;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Changes;

/// <summary>
/// A major change goes proposal → IRO (or a convened review) → the court in proceedings → notices → effective, and
/// every step out of order is refused with what is missing, leaving the proposal exactly as it was.
/// </summary>
public class ChangeProposalTests
{
    private static readonly Guid ChildId = new("e0000000-0000-0000-0000-000000000001");
    private const string Details = """{"Frequency":"Fortnightly"}""";
    private const string Reasons = "Mara is unsettled for days after each session; fortnightly gives her time to recover.";

    private static readonly Signature Iro = new("iro-1", "Jo Bell", new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc));
    private static readonly Signature Chair = new("iro-2", "Ade Cole", new DateTime(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc));
    private static readonly Signature Lawyer = new("legal-1", "Kim Noor", new DateTime(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc));
    private static readonly Signature Notifier = new("sw-2", "Lee Ross", new DateTime(2026, 12, 9, 14, 0, 0, DateTimeKind.Utc));
    private static readonly Signature Manager = new("tm-1", "Priya Shah", new DateTime(2026, 12, 10, 8, 45, 0, DateTimeKind.Utc));

    private static readonly DateOnly ReviewDay = D(2026, 12, 7);
    private static readonly DateOnly CourtDay = D(2026, 12, 8);

    private static Arrangement Saturdays()
    {
        var (_, saturdays, _) = Agreed();
        saturdays.Version = 3;
        return saturdays;
    }

    private static ChangeProposal Proposed(ChangeKinds kinds = ChangeKinds.Frequency, bool inProceedings = false)
    {
        var (p, errors) = ChangeProposal.Propose(ChildId, Saturdays(), kinds, kinds.HasFlag(ChangeKinds.Ending) ? null : Details,
            "From weekly to fortnightly", Reasons, inProceedings, Worker, anotherOpen: false);
        Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
        return p!;
    }

    private static ValidationErrors AgreeWithoutReview(ChangeProposal p) =>
        p.DecideAsIro(IroDecision.AgreedWithoutReview, "Mara's wishes and the contact notes support it.", null, Iro, Today);

    private static ValidationErrors ConveneReview(ChangeProposal p) =>
        p.DecideAsIro(IroDecision.ReviewConvened, "Dad opposes the change: the review should hear him.", ReviewDay, Iro, Today);

    private static ValidationErrors Review(ChangeProposal p, bool agreed) =>
        p.RecordReview(agreed, "The review heard Mum, Dad and Mara's carer.", Chair, ReviewDay);

    private static ValidationErrors Court(ChangeProposal p) => p.RecordCourt(CourtDay, "Order of HHJ Patel, 8 December 2026", Lawyer, CourtDay);

    private static ValidationErrors Notices(ChangeProposal p) => p.SendNotices(Notifier);

    private static ValidationErrors Effect(ChangeProposal p) => p.TakeEffect(3, Manager);

    /// <summary>Every public property, so a test can say a refused step changed nothing at all.</summary>
    private static string State(ChangeProposal p) => JsonSerializer.Serialize(p);

    private static void Ok(ValidationErrors errors) => Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));

    /// <summary>Refused with one message for the whole proposal containing the words given, and nothing changed.</summary>
    private static void Refused(ChangeProposal p, Func<ChangeProposal, ValidationErrors> step, string words)
    {
        var before = State(p);
        var stage = p.Stage;
        var errors = step(p);
        Assert.Equal([""], Fields(errors));
        var message = Assert.Single(errors.ByField[""]);
        Assert.Contains(words, message, StringComparison.Ordinal);
        Assert.Equal(stage, p.Stage);
        Assert.Equal(before, State(p));
    }

    // ---- Stage along each path ----

    [Fact]
    public void Agreed_without_a_review_the_change_goes_to_notices_then_takes_effect()
    {
        var p = Proposed();
        Assert.Equal(ChangeStage.AwaitingIro, p.Stage);
        Assert.True(p.IsOpen);
        Assert.False(p.IroAgreed);

        Ok(AgreeWithoutReview(p));
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);
        Assert.True(p.IroAgreed);

        Ok(Notices(p));
        Assert.Equal(ChangeStage.ReadyToTakeEffect, p.Stage);
        Assert.True(p.IsOpen);

        Ok(Effect(p));
        Assert.Equal(ChangeStage.Effective, p.Stage);
        Assert.False(p.IsOpen);
    }

    [Fact]
    public void A_convened_review_holds_the_change_until_it_agrees()
    {
        var p = Proposed();

        Ok(ConveneReview(p));
        Assert.Equal(ChangeStage.AwaitingReview, p.Stage);
        Assert.False(p.IroAgreed);
        Assert.True(p.IsOpen);

        Ok(Review(p, agreed: true));
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);
        Assert.True(p.IroAgreed);

        Ok(Notices(p));
        Ok(Effect(p));
        Assert.Equal(ChangeStage.Effective, p.Stage);
    }

    [Fact]
    public void A_review_that_does_not_agree_closes_the_proposal()
    {
        var p = Proposed();
        Ok(ConveneReview(p));

        Ok(Review(p, agreed: false));

        Assert.Equal(ChangeStage.NotAgreed, p.Stage);
        Assert.False(p.IsOpen);
        Assert.False(p.IroAgreed);
        Assert.False(p.ReviewAgreed);
    }

    [Fact]
    public void In_proceedings_the_court_comes_after_the_IRO_and_before_the_notices()
    {
        var p = Proposed(inProceedings: true);
        Assert.True(p.NeedsCourt);

        Ok(AgreeWithoutReview(p));
        Assert.Equal(ChangeStage.AwaitingCourt, p.Stage);

        Ok(Court(p));
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);

        Ok(Notices(p));
        Assert.Equal(ChangeStage.ReadyToTakeEffect, p.Stage);
        Ok(Effect(p));
        Assert.Equal(ChangeStage.Effective, p.Stage);
    }

    [Fact]
    public void The_court_s_agreement_may_be_recorded_before_the_IRO_decides_but_the_IRO_is_still_awaited()
    {
        var p = Proposed(inProceedings: true);

        Ok(Court(p));
        Assert.Equal(ChangeStage.AwaitingIro, p.Stage);

        Ok(AgreeWithoutReview(p));
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);
    }

    [Fact]
    public void In_proceedings_a_convened_review_comes_first_then_the_court()
    {
        var p = Proposed(inProceedings: true);
        Ok(ConveneReview(p));
        Assert.Equal(ChangeStage.AwaitingReview, p.Stage);

        Ok(Review(p, agreed: true));
        Assert.Equal(ChangeStage.AwaitingCourt, p.Stage);

        Ok(Court(p));
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);
    }

    [Fact]
    public void An_ending_follows_the_same_steps()
    {
        var p = Proposed(ChangeKinds.Ending);
        Assert.True(p.EndsArrangement);

        Ok(AgreeWithoutReview(p));
        Ok(Notices(p));
        Ok(Effect(p));
        Assert.Equal(ChangeStage.Effective, p.Stage);
    }

    [Fact]
    public void Withdrawing_closes_the_proposal_at_any_open_stage()
    {
        var p = Proposed(inProceedings: true);
        Ok(AgreeWithoutReview(p));
        Ok(Court(p));
        Ok(Notices(p));

        Ok(p.Withdraw("  Mum and the carer found a Saturday that works  ", Manager));

        Assert.Equal(ChangeStage.Withdrawn, p.Stage);
        Assert.False(p.IsOpen);
        Assert.Equal(Manager.At, p.WithdrawnAt);
        Assert.Equal("Mum and the carer found a Saturday that works", p.WithdrawnReason);
    }

    // ---- Out of order ----

    [Fact]
    public void Notices_are_refused_before_the_IRO_decides()
    {
        var p = Proposed();
        Refused(p, Notices, "The IRO has not recorded a decision yet");
    }

    [Fact]
    public void Notices_are_refused_while_the_convened_review_has_not_agreed()
    {
        var p = Proposed();
        Ok(ConveneReview(p));
        Refused(p, Notices, "A child in care review is convened for 7 December 2026");
    }

    [Fact]
    public void Notices_are_refused_in_proceedings_before_the_court_agrees()
    {
        var p = Proposed(inProceedings: true);
        Ok(AgreeWithoutReview(p));
        Refused(p, Notices, "record the family court's agreement before sending notices");
    }

    [Fact]
    public void Notices_are_sent_once()
    {
        var p = Proposed();
        Ok(AgreeWithoutReview(p));
        Ok(Notices(p));
        Refused(p, q => q.SendNotices(Manager), "The notices were sent on 9 December 2026");
        Assert.Equal("sw-2", p.NoticesSentById);
    }

    [Fact]
    public void Taking_effect_is_refused_before_the_IRO_decides() =>
        Refused(Proposed(), Effect, "the IRO has not recorded a decision");

    [Fact]
    public void Taking_effect_is_refused_while_the_convened_review_has_not_agreed()
    {
        var p = Proposed();
        Ok(ConveneReview(p));
        Refused(p, Effect, "the child in care review on 7 December 2026 must agree it first");
    }

    [Fact]
    public void Taking_effect_is_refused_in_proceedings_before_the_court_agrees()
    {
        var p = Proposed(inProceedings: true);
        Ok(AgreeWithoutReview(p));
        Refused(p, Effect, "the family court's agreement is not recorded");
    }

    [Fact]
    public void Taking_effect_is_refused_before_the_notices_are_sent()
    {
        var p = Proposed();
        Ok(AgreeWithoutReview(p));
        Refused(p, Effect, "send the notices to the parents, carers and the child first");
    }

    [Fact]
    public void A_court_agreement_recorded_early_does_not_let_notices_skip_the_IRO()
    {
        var p = Proposed(inProceedings: true);
        Ok(Court(p));
        Refused(p, Notices, "The IRO has not recorded a decision yet");
        Refused(p, Effect, "the IRO has not recorded a decision");
    }

    [Fact]
    public void A_review_outcome_is_refused_before_the_IRO_decides() =>
        Refused(Proposed(), q => Review(q, agreed: true), "The IRO has not decided yet whether a review is needed");

    [Fact]
    public void A_review_outcome_is_refused_when_the_IRO_agreed_without_a_review()
    {
        var p = Proposed();
        Ok(AgreeWithoutReview(p));
        Refused(p, q => Review(q, agreed: false), "there is no review to record");
    }

    [Fact]
    public void A_review_outcome_is_refused_before_the_review_has_met_and_accepted_on_its_day()
    {
        var p = Proposed();
        Ok(ConveneReview(p));

        Refused(p, q => q.RecordReview(true, "Agreed", Chair, ReviewDay.AddDays(-1)), "The review is on 7 December 2026: record its outcome after it has met");

        Ok(p.RecordReview(true, "Agreed", Chair, ReviewDay));
    }

    [Fact]
    public void A_review_outcome_is_recorded_once()
    {
        var p = Proposed(inProceedings: true);
        Ok(ConveneReview(p));
        Ok(Review(p, agreed: true));
        Refused(p, q => Review(q, agreed: false), "The review's outcome is already recorded");
        Assert.True(p.ReviewAgreed);
    }

    [Fact]
    public void The_court_is_refused_when_the_child_was_not_in_proceedings()
    {
        var p = Proposed(inProceedings: false);
        Ok(AgreeWithoutReview(p));
        Refused(p, Court, "the court's agreement is not needed");
    }

    [Fact]
    public void The_court_s_agreement_is_recorded_once()
    {
        var p = Proposed(inProceedings: true);
        Ok(Court(p));
        Refused(p, q => q.RecordCourt(CourtDay, "Another order", Manager, CourtDay), "The court's agreement is already recorded");
        Assert.Equal("Order of HHJ Patel, 8 December 2026", p.CourtReference);
    }

    [Fact]
    public void The_IRO_decides_once()
    {
        var p = Proposed();
        Ok(ConveneReview(p));
        Refused(p, AgreeWithoutReview, "The IRO already recorded a decision on 24 November 2026");
        Assert.Equal(IroDecision.ReviewConvened, p.IroDecision);
    }

    public enum Closed
    {
        Effective,
        Withdrawn,
        NotAgreed,
    }

    private static ChangeProposal ClosedAs(Closed how)
    {
        var p = Proposed(inProceedings: true);
        switch (how)
        {
            case Closed.Effective:
                Ok(AgreeWithoutReview(p));
                Ok(Court(p));
                Ok(Notices(p));
                Ok(Effect(p));
                break;
            case Closed.Withdrawn:
                Ok(p.Withdraw("Dad moved away", Manager));
                break;
            case Closed.NotAgreed:
                Ok(ConveneReview(p));
                Ok(Review(p, agreed: false));
                break;
        }
        return p;
    }

    [Theory]
    [InlineData(Closed.Effective, "This change took effect on 10 December 2026: propose a new change instead")]
    [InlineData(Closed.Withdrawn, "This change was withdrawn")]
    [InlineData(Closed.NotAgreed, "The child in care review did not agree this change")]
    public void Every_step_is_refused_once_the_proposal_is_closed(Closed how, string message)
    {
        var p = ClosedAs(how);
        var stage = p.Stage;
        var before = State(p);

        ValidationErrors[] all =
        [
            p.DecideAsIro(IroDecision.AgreedWithoutReview, "Reasons", null, Iro, ReviewDay),
            p.RecordReview(true, "Notes", Chair, ReviewDay.AddDays(30)),
            p.RecordCourt(CourtDay, "Order", Lawyer, CourtDay),
            p.SendNotices(Notifier),
            p.TakeEffect(3, Manager),
            p.Withdraw("Reason", Manager),
        ];

        Assert.All(all, errors =>
        {
            Assert.Equal([""], Fields(errors));
            Assert.Equal([message], errors.ByField[""]);
        });
        Assert.Equal(stage, p.Stage);
        Assert.Equal(before, State(p));
    }

    // ---- The arrangement changed underneath ----

    [Fact]
    public void A_change_proposed_on_an_older_version_of_the_arrangement_cannot_take_effect()
    {
        var p = Proposed();
        Assert.Equal(3, p.ArrangementVersion);
        Ok(AgreeWithoutReview(p));
        Ok(Notices(p));

        Refused(p, q => q.TakeEffect(4, Manager), "The arrangement has been changed since this was proposed");
        Assert.Equal(ChangeStage.ReadyToTakeEffect, p.Stage);

        Ok(p.TakeEffect(3, Manager));
    }

    [Fact]
    public void An_ending_takes_effect_whatever_has_changed_in_the_arrangement_since()
    {
        var p = Proposed(ChangeKinds.Ending);
        Ok(AgreeWithoutReview(p));
        Ok(Notices(p));

        Ok(p.TakeEffect(7, Manager));
        Assert.Equal(ChangeStage.Effective, p.Stage);
    }

    // ---- Who and when ----

    [Fact]
    public void Each_step_keeps_who_took_it_and_when()
    {
        var p = Proposed(inProceedings: true);
        Assert.Equal(Worker.UserId, p.ProposedById);
        Assert.Equal("Sam Rivers", p.ProposedByName);
        Assert.Equal(Worker.At, p.ProposedAt);
        Assert.Null(p.IroId);
        Assert.Null(p.IroDecidedAt);
        Assert.Null(p.ReviewRecordedAt);
        Assert.Null(p.CourtRecordedAt);
        Assert.Null(p.NoticesSentAt);
        Assert.Null(p.EffectiveAt);

        Ok(p.DecideAsIro(IroDecision.ReviewConvened, "  Dad opposes the change  ", ReviewDay, Iro, Today));
        Assert.Equal(IroDecision.ReviewConvened, p.IroDecision);
        Assert.Equal("Dad opposes the change", p.IroReasons);
        Assert.Equal(ReviewDay, p.ReviewOn);
        Assert.Equal("iro-1", p.IroId);
        Assert.Equal("Jo Bell", p.IroName);
        Assert.Equal(Iro.At, p.IroDecidedAt);

        Ok(p.RecordReview(true, "  Agreed, with a review in three months  ", Chair, ReviewDay));
        Assert.True(p.ReviewAgreed);
        Assert.Equal("Agreed, with a review in three months", p.ReviewNotes);
        Assert.Equal("iro-2", p.ReviewRecordedById);
        Assert.Equal(Chair.At, p.ReviewRecordedAt);

        Ok(p.RecordCourt(CourtDay, "  Order of HHJ Patel, para 4  ", Lawyer, CourtDay));
        Assert.Equal(CourtDay, p.CourtAgreedOn);
        Assert.Equal("Order of HHJ Patel, para 4", p.CourtReference);
        Assert.Equal("legal-1", p.CourtRecordedById);
        Assert.Equal(Lawyer.At, p.CourtRecordedAt);

        Ok(Notices(p));
        Assert.Equal("sw-2", p.NoticesSentById);
        Assert.Equal(Notifier.At, p.NoticesSentAt);

        Ok(Effect(p));
        Assert.Equal("tm-1", p.EffectiveById);
        Assert.Equal(Manager.At, p.EffectiveAt);

        // Nothing recorded earlier was touched by a later step.
        Assert.Equal("iro-1", p.IroId);
        Assert.Equal(Worker.At, p.ProposedAt);
    }

    [Fact]
    public void Agreed_without_a_review_keeps_no_review_date_even_if_one_was_sent()
    {
        var p = Proposed();
        Ok(p.DecideAsIro(IroDecision.AgreedWithoutReview, "Agreed", ReviewDay, Iro, Today));
        Assert.Null(p.ReviewOn);
        Assert.Equal(ChangeStage.AwaitingNotices, p.Stage);
    }

    // ---- Validation ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_IRO_must_give_reasons(string? reasons)
    {
        var p = Proposed();
        var before = State(p);

        var errors = p.DecideAsIro(IroDecision.AgreedWithoutReview, reasons, null, Iro, Today);

        Assert.Equal(["IroReasons"], Fields(errors));
        Assert.Contains("they go on the child's file", errors.ByField["IroReasons"][0], StringComparison.Ordinal);
        Assert.Equal(before, State(p));
    }

    [Fact]
    public void The_IRO_s_reasons_are_at_most_2000_characters_after_trimming()
    {
        var p = Proposed();
        var errors = p.DecideAsIro(IroDecision.AgreedWithoutReview, new string('x', 2001), null, Iro, Today);
        Assert.Equal(["IroReasons"], Fields(errors));
        Assert.Equal("The reasons must be 2000 characters or fewer", errors.ByField["IroReasons"][0]);
        Assert.Equal(ChangeStage.AwaitingIro, p.Stage);

        Ok(p.DecideAsIro(IroDecision.AgreedWithoutReview, "  " + new string('x', 2000) + "  ", null, Iro, Today));
        Assert.Equal(2000, p.IroReasons!.Length);
    }

    [Fact]
    public void A_convened_review_needs_its_date()
    {
        var p = Proposed();
        var errors = p.DecideAsIro(IroDecision.ReviewConvened, "Reasons", null, Iro, Today);
        Assert.Equal(["ReviewOn"], Fields(errors));
        Assert.Equal("Enter the date of the child in care review", errors.ByField["ReviewOn"][0]);
        Assert.Equal(ChangeStage.AwaitingIro, p.Stage);
    }

    [Fact]
    public void A_convened_review_cannot_be_in_the_past_but_may_be_today()
    {
        var p = Proposed();
        var errors = p.DecideAsIro(IroDecision.ReviewConvened, "Reasons", Today.AddDays(-1), Iro, Today);
        Assert.Equal(["ReviewOn"], Fields(errors));
        Assert.Equal("The review's date must be today or later", errors.ByField["ReviewOn"][0]);
        Assert.Equal(ChangeStage.AwaitingIro, p.Stage);

        Ok(p.DecideAsIro(IroDecision.ReviewConvened, "Reasons", Today, Iro, Today));
        Assert.Equal(Today, p.ReviewOn);
    }

    [Theory]
    [InlineData(IroDecision.None)]
    [InlineData((IroDecision)3)]
    [InlineData((IroDecision)(-1))]
    public void The_IRO_must_choose_one_of_the_two_decisions(IroDecision decision)
    {
        var p = Proposed();
        var before = State(p);

        var errors = p.DecideAsIro(decision, "Reasons", ReviewDay, Iro, Today);

        Assert.Equal(["Decision"], Fields(errors));
        Assert.Equal(before, State(p));
    }

    [Fact]
    public void Every_problem_with_the_IRO_s_decision_is_reported_at_once()
    {
        var p = Proposed();
        var errors = p.DecideAsIro(IroDecision.ReviewConvened, " ", null, Iro, Today);
        Assert.Equal(["IroReasons", "ReviewOn"], Fields(errors));

        Ok(AgreeWithoutReview(p));
        var twice = p.DecideAsIro((IroDecision)5, null, null, Iro, Today);
        Assert.Equal(["", "Decision", "IroReasons"], Fields(twice));
    }

    [Fact]
    public void A_review_outcome_needs_whether_it_agreed_and_a_note()
    {
        var p = Proposed();
        Ok(ConveneReview(p));
        var before = State(p);

        var errors = p.RecordReview(null, "  ", Chair, ReviewDay);
        Assert.Equal(["ReviewAgreed", "ReviewNotes"], Fields(errors));

        var tooLong = p.RecordReview(true, new string('n', 2001), Chair, ReviewDay);
        Assert.Equal(["ReviewNotes"], Fields(tooLong));
        Assert.Equal("The review's note must be 2000 characters or fewer", tooLong.ByField["ReviewNotes"][0]);

        Assert.Equal(before, State(p));
        Assert.Equal(ChangeStage.AwaitingReview, p.Stage);
    }

    [Fact]
    public void The_court_s_agreement_needs_a_date_not_in_the_future_and_a_reference()
    {
        var p = Proposed(inProceedings: true);
        var before = State(p);

        Assert.Equal(["CourtAgreedOn", "CourtReference"], Fields(p.RecordCourt(null, " ", Lawyer, CourtDay)));
        var future = p.RecordCourt(CourtDay.AddDays(1), "Order", Lawyer, CourtDay);
        Assert.Equal(["CourtAgreedOn"], Fields(future));
        Assert.Equal("The court's agreement must be today or earlier", future.ByField["CourtAgreedOn"][0]);
        var tooLong = p.RecordCourt(CourtDay, new string('r', 201), Lawyer, CourtDay);
        Assert.Equal(["CourtReference"], Fields(tooLong));
        Assert.Equal("The court reference must be 200 characters or fewer", tooLong.ByField["CourtReference"][0]);
        Assert.Equal(before, State(p));

        Ok(p.RecordCourt(CourtDay, new string('r', 200), Lawyer, CourtDay));
    }

    [Fact]
    public void Withdrawing_needs_a_reason_of_at_most_2000_characters()
    {
        var p = Proposed();
        var before = State(p);

        Assert.Equal(["WithdrawnReason"], Fields(p.Withdraw(" ", Manager)));
        Assert.Equal(["WithdrawnReason"], Fields(p.Withdraw(new string('w', 2001), Manager)));
        Assert.Equal(before, State(p));
        Assert.True(p.IsOpen);
    }

    // ---- Proposing ----

    private static (ChangeProposal? Proposal, ValidationErrors Errors) Propose(
        Arrangement? arrangement = null, ChangeKinds kinds = ChangeKinds.Frequency, string? details = Details,
        string? summary = "From weekly to fortnightly", string? reasons = Reasons, bool anotherOpen = false) =>
        ChangeProposal.Propose(ChildId, arrangement ?? Saturdays(), kinds, details, summary, reasons, false, Worker, anotherOpen);

    [Fact]
    public void A_proposal_keeps_the_arrangement_its_version_and_trimmed_words()
    {
        var saturdays = Saturdays();
        saturdays.Version = 5;
        var (p, errors) = ChangeProposal.Propose(ChildId, saturdays, ChangeKinds.Frequency | ChangeKinds.Venue, Details,
            "  From weekly to fortnightly  ", "  " + Reasons + "  ", true, Worker, false);

        Ok(errors);
        Assert.NotNull(p);
        Assert.NotEqual(Guid.Empty, p.Id);
        Assert.Equal(ChildId, p.ChildId);
        Assert.Equal(saturdays.Id, p.ArrangementId);
        Assert.Equal(5, p.ArrangementVersion);
        Assert.Equal(ChangeKinds.Frequency | ChangeKinds.Venue, p.Kinds);
        Assert.Equal(Details, p.ProposedDetails);
        Assert.Equal("From weekly to fortnightly", p.Summary);
        Assert.Equal(Reasons, p.Reasons);
        Assert.True(p.NeedsCourt);
        Assert.False(p.EndsArrangement);
        Assert.Equal(IroDecision.None, p.IroDecision);
    }

    [Theory]
    [InlineData(ChangeKinds.Ending, null, "End this family time")]
    [InlineData(ChangeKinds.Ending, "  ", "End this family time")]
    [InlineData(ChangeKinds.Supervision, null, "Change this family time")]
    public void Without_a_summary_the_proposal_says_what_kind_of_change_it_is(ChangeKinds kinds, string? summary, string expected)
    {
        var (p, errors) = Propose(kinds: kinds, details: kinds == ChangeKinds.Ending ? null : Details, summary: summary);
        Ok(errors);
        Assert.Equal(expected, p!.Summary);
    }

    [Fact]
    public void Another_open_proposal_is_refused()
    {
        var (p, errors) = Propose(anotherOpen: true);
        Assert.Null(p);
        Assert.Equal([""], Fields(errors));
        Assert.Contains("already under way", errors.ByField[""][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_ended_arrangement_cannot_be_changed()
    {
        var (plan, saturdays, _) = Agreed();
        Ok(plan.EndArrangement(saturdays.Id, Context(today: D(2026, 12, 14)), Change("Ended"), Worker));

        var (p, errors) = Propose(saturdays, ChangeKinds.Ending, details: null);

        Assert.Null(p);
        Assert.Equal([""], Fields(errors));
        Assert.Equal("This arrangement has ended: there is nothing left to change", errors.ByField[""][0]);
    }

    [Fact]
    public void A_proposal_must_say_what_kind_of_change_it_is()
    {
        var (p, errors) = Propose(kinds: ChangeKinds.None, details: Details);
        Assert.Null(p);
        Assert.Equal(["Kinds"], Fields(errors));
        Assert.Single(errors.ByField["Kinds"]);
        Assert.Contains("Say what the change is", errors.ByField["Kinds"][0], StringComparison.Ordinal);

        var (_, none) = Propose(kinds: ChangeKinds.None, details: null);
        Assert.Equal(["Kinds"], Fields(none));
        Assert.Single(none.ByField["Kinds"]);
    }

    [Theory]
    [InlineData(ChangeKinds.Ending)]
    [InlineData(ChangeKinds.Ending | ChangeKinds.Venue)]
    public void An_ending_cannot_carry_new_details(ChangeKinds kinds)
    {
        var (p, errors) = Propose(kinds: kinds, details: Details);
        Assert.Null(p);
        Assert.Equal(["Kinds"], Fields(errors));
        Assert.Contains("propose the ending, or a change, not both", errors.ByField["Kinds"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChangeKinds.Frequency)]
    [InlineData(ChangeKinds.Venue)]
    [InlineData(ChangeKinds.Supervision)]
    [InlineData(ChangeKinds.Other)]
    [InlineData(ChangeKinds.Frequency | ChangeKinds.Other)]
    public void A_change_must_say_what_the_arrangement_will_be(ChangeKinds kinds)
    {
        var (p, errors) = Propose(kinds: kinds, details: null);
        Assert.Null(p);
        Assert.Equal(["Kinds"], Fields(errors));
        Assert.Equal("Say what the arrangement will be after the change", errors.ByField["Kinds"][0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_proposal_needs_reasons(string? reasons)
    {
        var (p, errors) = Propose(reasons: reasons);
        Assert.Null(p);
        Assert.Equal(["Reasons"], Fields(errors));
        Assert.Contains("Say why family time should change", errors.ByField["Reasons"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reasons_and_summary_have_length_limits()
    {
        var (p, errors) = Propose(reasons: new string('r', 2001), summary: new string('s', 501));
        Assert.Null(p);
        Assert.Equal(["Reasons", "Summary"], Fields(errors));
        Assert.Equal("The reasons must be 2000 characters or fewer", errors.ByField["Reasons"][0]);
        Assert.Equal("The summary must be 500 characters or fewer", errors.ByField["Summary"][0]);

        var (ok, fine) = Propose(reasons: new string('r', 2000), summary: new string('s', 500));
        Ok(fine);
        Assert.NotNull(ok);
    }

    [Fact]
    public void Every_problem_with_a_proposal_is_reported_at_once()
    {
        var (p, errors) = Propose(kinds: ChangeKinds.None, reasons: null, summary: new string('s', 501), anotherOpen: true);
        Assert.Null(p);
        Assert.Equal(["", "Kinds", "Reasons", "Summary"], Fields(errors));
    }
}

using FamilyTime.Domain.Sessions;

namespace FamilyTime.UnitTests.Sessions;

/// <summary>Issue 11, item 2: a family asks to move a session; the worker approves (the session moves) or refuses with a reason.</summary>
public class RearrangeRequestRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);
    private static readonly TimeOnly Ten = new(10, 0);

    // Tuesday 17 November 2026, 09:30: eleven days before the session.
    private static readonly Moment Now = new(new DateTime(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 11, 17, 9, 30, 0));

    private static FamilyTimeSession Session() => new(Guid.NewGuid(), Guid.NewGuid(), new SessionSlot(Day, Ten, 90, null, null, "worker"), "sw");

    private static RearrangeAsk Good => new(Day.AddDays(2), new TimeOnly(13, 0), new TimeOnly(15, 0), "I have a job interview that morning");

    private static RearrangeRequest Ask(FamilyTimeSession s)
    {
        var (request, refusal, errors) = RearrangeRequest.Ask(s, Good, "parent", "Kelly Harper", Now);
        Assert.Null(refusal);
        Assert.True(errors.IsValid);
        return request!;
    }

    [Fact]
    public void A_request_to_move_records_the_notice_given_in_days_before_the_session()
    {
        var r = Ask(Session());
        Assert.Equal((11, RearrangeStatus.Pending, Day, Ten), (r.NoticeDays, r.Status, r.OriginalDate, r.OriginalStart));
        Assert.Equal(r.SessionId, r.PendingSessionId);
    }

    [Fact]
    public void A_request_to_move_needs_a_day_from_tomorrow_a_window_that_ends_after_it_starts_and_a_reason()
    {
        var s = Session();
        var (request, _, errors) = RearrangeRequest.Ask(s, new RearrangeAsk(new DateOnly(2026, 11, 17), new TimeOnly(15, 0), new TimeOnly(13, 0), " "), "parent", "Kelly", Now);
        Assert.Null(request);
        Assert.Equal(["ProposedDate", "ProposedTo", "Reason"], errors.ByField.Keys.Order().ToArray());
    }

    [Fact]
    public void A_cancelled_or_past_session_cannot_be_asked_to_move()
    {
        var s = Session();
        s.CancelByFamily("Ill", "parent", Now);
        var (request, refusal, _) = RearrangeRequest.Ask(s, Good, "parent", "Kelly", Now);
        Assert.Null(request);
        Assert.NotNull(refusal);
    }

    [Fact]
    public void Approving_moves_the_session_to_the_agreed_day_and_time_by_default_the_one_asked_for()
    {
        var s = Session();
        var r = Ask(s);
        Assert.True(r.Approve(s, null, null, "sw", "Sam Social", Now).IsValid);
        Assert.Equal((RearrangeStatus.Approved, Day.AddDays(2), new TimeOnly(13, 0)), (r.Status, s.Date, s.StartTime));
        Assert.Equal((Day.AddDays(2), (TimeOnly?)new TimeOnly(13, 0), (Guid?)null), (r.AgreedDate!.Value, r.AgreedStart, r.PendingSessionId));
    }

    [Fact]
    public void Refusing_needs_a_reason_the_family_will_read_and_leaves_the_session_where_it_was()
    {
        var s = Session();
        var r = Ask(s);
        Assert.False(r.Refuse(" ", "sw", "Sam", Now).IsValid);
        Assert.True(r.Refuse("The room is not free that week", "sw", "Sam", Now).IsValid);
        Assert.Equal((RearrangeStatus.Refused, "The room is not free that week", Day, Ten), (r.Status, r.RefusalReason, s.Date, s.StartTime));
    }

    [Fact]
    public void A_decided_request_cannot_be_decided_again()
    {
        var s = Session();
        var r = Ask(s);
        r.Refuse("No room", "sw", "Sam", Now);
        Assert.False(r.Approve(s, null, null, "sw", "Sam", Now).IsValid);
        Assert.Equal(Day, s.Date);
    }
}

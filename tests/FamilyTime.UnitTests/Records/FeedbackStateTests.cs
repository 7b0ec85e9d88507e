using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;

namespace FamilyTime.UnitTests.Records;

/// <summary>Feedback goes from new to read to answered, once, by the people who may act on it.</summary>
public class FeedbackStateTests
{
    private static readonly DateTime Given = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Given.AddHours(3);

    private static Feedback Give(FeedbackKind kind = FeedbackKind.Comment)
    {
        var (feedback, errors) = Feedback.Give(Guid.NewGuid(), Guid.NewGuid(), null, FeedbackFrom.Parent, kind, "The room was cold.", "sw", "parent", Given);
        Assert.True(errors.IsValid);
        return feedback!;
    }

    [Fact]
    public void New_feedback_is_new_with_nobody_having_read_or_answered_it()
    {
        var f = Give();
        Assert.Equal(FeedbackState.New, f.State);
        Assert.Null(f.ReadById);
        Assert.Null(f.AnsweredAt);
        Assert.Null(f.AnswerText);
    }

    [Fact]
    public void Marking_read_records_who_and_when_and_a_second_read_keeps_the_first()
    {
        var f = Give();
        Assert.True(f.MarkRead("sw", Later));
        Assert.False(f.MarkRead("tm", Later.AddDays(1)));
        Assert.Equal(FeedbackState.Read, f.State);
        Assert.Equal("sw", f.ReadById);
        Assert.Equal(Later, f.ReadAt);
    }

    [Fact]
    public void Answering_an_unread_item_marks_it_read_too()
    {
        var f = Give();
        var errors = f.Answer("  Thank you: we will put the heating on an hour before.  ", FeedbackAnswerWay.InWriting, "sw", Later);
        Assert.True(errors.IsValid);
        Assert.Equal(FeedbackState.Answered, f.State);
        Assert.Equal("Thank you: we will put the heating on an hour before.", f.AnswerText);
        Assert.Equal(FeedbackAnswerWay.InWriting, f.AnsweredHow);
        Assert.Equal(("sw", Later), (f.AnsweredById, f.AnsweredAt));
        Assert.Equal(("sw", (DateTime?)Later), (f.ReadById, f.ReadAt));
    }

    [Fact]
    public void Answering_what_someone_else_read_keeps_their_reading()
    {
        var f = Give();
        f.MarkRead("sw", Given.AddMinutes(5));
        Assert.True(f.Answer("Sorted.", FeedbackAnswerWay.ByPhone, "tm", Later).IsValid);
        Assert.Equal("sw", f.ReadById);
        Assert.Equal("tm", f.AnsweredById);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_answer_needs_words(string? text)
    {
        var f = Give();
        var errors = f.Answer(text, FeedbackAnswerWay.InPerson, "sw", Later);
        Assert.Equal(["Write the answer: the person who gave the feedback will read it"], errors.ByField[nameof(Feedback.AnswerText)]);
        Assert.Equal(FeedbackState.New, f.State);
    }

    [Fact]
    public void An_answer_has_a_most_length()
    {
        var f = Give();
        Assert.True(f.Answer(new string('a', Feedback.MaxAnswer), FeedbackAnswerWay.InWriting, "sw", Later).IsValid);
        var g = Give();
        var errors = g.Answer(new string('a', Feedback.MaxAnswer + 1), FeedbackAnswerWay.InWriting, "sw", Later);
        Assert.True(errors.ByField.ContainsKey(nameof(Feedback.AnswerText)));
        Assert.Null(g.AnswerText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData((FeedbackAnswerWay)0)]
    [InlineData((FeedbackAnswerWay)99)]
    public void An_answer_says_how_it_was_given(FeedbackAnswerWay? how)
    {
        var f = Give();
        var errors = f.Answer("Thank you.", how, "sw", Later);
        Assert.True(errors.ByField.ContainsKey(nameof(Feedback.AnsweredHow)));
        Assert.Equal(FeedbackState.New, f.State);
    }

    [Fact]
    public void A_second_answer_is_refused_and_the_first_stays()
    {
        var f = Give();
        f.Answer("First answer.", FeedbackAnswerWay.InWriting, "sw", Later);
        var errors = f.Answer("Second answer.", FeedbackAnswerWay.ByPhone, "tm", Later.AddHours(1));
        Assert.Equal([Feedback.AlreadyAnswered], errors.ByField[""]);
        Assert.Equal(("First answer.", FeedbackAnswerWay.InWriting, "sw"), (f.AnswerText, f.AnsweredHow, f.AnsweredById));
        Assert.False(f.MarkRead("tm", Later.AddHours(2)));
    }

    [Theory]
    [InlineData(FeedbackKind.Complaint, true)]
    [InlineData(FeedbackKind.Comment, false)]
    [InlineData(FeedbackKind.Compliment, false)]
    public void Only_a_complaint_tells_of_the_councils_complaints_procedure(FeedbackKind kind, bool tells) =>
        Assert.Equal(tells, Give(kind).TellsOfComplaintsProcedure);

    [Fact]
    public void The_person_it_was_sent_to_may_respond_while_they_reach_the_child()
    {
        var child = Guid.NewGuid();
        Assert.True(FeedbackResponders.MayRespond("sw", "sw", child, ChildRelationship.AllocatedSocialWorker, isAdministrator: false));
        // The case moved on: being sent it once does not open the child's feedback for ever.
        Assert.False(FeedbackResponders.MayRespond("sw", "sw", child, ChildRelationship.None, isAdministrator: false));
    }

    [Fact]
    public void The_childs_team_manager_may_respond_to_feedback_sent_to_a_social_worker_but_not_others_who_reach_the_child()
    {
        var child = Guid.NewGuid();
        Assert.True(FeedbackResponders.MayRespond("tm", "sw", child, ChildRelationship.TeamManager, isAdministrator: false));
        Assert.False(FeedbackResponders.MayRespond("iro", "sw", child, ChildRelationship.ChildsIro, isAdministrator: false));
        Assert.False(FeedbackResponders.MayRespond("hos", "sw", child, ChildRelationship.HeadOfService, isAdministrator: false));
        Assert.False(FeedbackResponders.MayRespond("carer", "sw", child, ChildRelationship.Carer, isAdministrator: false));
        // An administrator has no case access by default: not about a child's feedback either.
        Assert.False(FeedbackResponders.MayRespond("admin", "sw", child, ChildRelationship.None, isAdministrator: true));
    }

    [Fact]
    public void Feedback_about_a_venue_alone_is_for_its_coordinator_or_an_administrator()
    {
        Assert.True(FeedbackResponders.MayRespond("co", "co", null, ChildRelationship.None, isAdministrator: false));
        Assert.True(FeedbackResponders.MayRespond("admin", "co", null, ChildRelationship.None, isAdministrator: true));
        Assert.True(FeedbackResponders.MayRespond("admin", null, null, ChildRelationship.None, isAdministrator: true));
        Assert.False(FeedbackResponders.MayRespond("co2", "co", null, ChildRelationship.None, isAdministrator: false));
    }
}

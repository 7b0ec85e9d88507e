using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.UnitTests.Sessions;

/// <summary>Issue 11, item 2: what became of a session and who is there, as a parent reads it.</summary>
public class FamilySessionWordsTests
{
    [Fact]
    public void A_cancellation_by_us_gives_its_coded_reason_in_kind_words_never_the_workers_own()
    {
        Assert.Equal("Cancelled by us – no worker was free to be with you",
            FamilySessionWords.Outcome(SessionStatus.CancelledByAuthority, ServiceCancellationReason.WorkerUnavailable, "Ava", past: false));
        Assert.Equal("Cancelled by us – Ava was unwell",
            FamilySessionWords.Outcome(SessionStatus.CancelledByAuthority, ServiceCancellationReason.ChildUnwell, "Ava", past: true));
        // Every coded reason has its words; none reads as the family's fault.
        foreach (var reason in ServiceCancellationReasons.All)
        {
            var words = FamilySessionWords.Why(reason, "Ava");
            Assert.False(string.IsNullOrWhiteSpace(words));
            Assert.DoesNotContain("behaviour", words, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void What_became_of_a_session_is_said_without_blame_and_never_names_the_carers()
    {
        Assert.Equal("You let us know you couldn’t come", FamilySessionWords.Outcome(SessionStatus.CancelledByParent, null, "Ava", true));
        Assert.Equal("You weren’t able to come", FamilySessionWords.Outcome(SessionStatus.ParentDidNotAttend, null, "Ava", true));
        var byCarer = FamilySessionWords.Outcome(SessionStatus.CancelledByCarer, null, "Ava", false)!;
        Assert.DoesNotContain("carer", byCarer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Took place", FamilySessionWords.Outcome(SessionStatus.TookPlace, null, "Ava", true));
        Assert.Null(FamilySessionWords.Outcome(SessionStatus.Planned, null, "Ava", past: false));
        foreach (var status in Enum.GetValues<SessionStatus>())
        {
            var words = FamilySessionWords.Outcome(status, ServiceCancellationReason.SomethingElse, "Ava", past: true)!;
            foreach (var blame in new[] { "failed", "refused", "did not attend", "no-show" })
            {
                Assert.DoesNotContain(blame, words, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.True(FamilySessionWords.IsCancelled(SessionStatus.CancelledByAuthority));
        Assert.False(FamilySessionWords.IsCancelled(SessionStatus.TookPlace));
    }

    [Fact]
    public void A_supervisor_is_shown_by_first_name_only_and_a_carer_supervising_is_never_shown()
    {
        Assert.Equal("Supervised by Tom", FamilySessionWords.SupervisedBy(ArrangementType.Supervised, SupervisedBy.Worker, "Tom Bradley"));
        Assert.Equal("Supervised by Tom", FamilySessionWords.SupervisedBy(ArrangementType.Assessed, SupervisedBy.Worker, "Tom Bradley"));
        Assert.Equal("Supported by Tom", FamilySessionWords.SupervisedBy(ArrangementType.Facilitated, SupervisedBy.Worker, "Tom Bradley"));
        Assert.Equal("Supervised", FamilySessionWords.SupervisedBy(ArrangementType.Supervised, SupervisedBy.Carer, "Sarah Whitfield"));
        Assert.Equal("Supervised", FamilySessionWords.SupervisedBy(ArrangementType.Supervised, SupervisedBy.Worker, null));
        Assert.Null(FamilySessionWords.SupervisedBy(ArrangementType.Unsupervised, SupervisedBy.Worker, "Tom Bradley"));
    }

    [Fact]
    public void A_shared_note_is_new_to_a_reader_until_they_read_the_version_shared_now()
    {
        Assert.True(SharedNoteRead.IsNew(1, null));
        Assert.False(SharedNoteRead.IsNew(1, 1));
        // A correction shared again is new again.
        Assert.True(SharedNoteRead.IsNew(2, 1));
        var read = new SharedNoteRead(Guid.NewGuid(), "parent", 1, new DateTime(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc));
        Assert.False(read.Read(1, new DateTime(2026, 11, 18, 9, 30, 0, DateTimeKind.Utc)));
        Assert.True(read.Read(2, new DateTime(2026, 11, 18, 9, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public void A_reply_with_the_same_words_has_the_same_key()
    {
        Assert.Equal(ParentReply.KeyFor("Thank you."), ParentReply.KeyFor("  Thank you.  "));
        Assert.NotEqual(ParentReply.KeyFor("Thank you."), ParentReply.KeyFor("Thank you!"));
        Assert.Equal(64, ParentReply.KeyFor("x").Length);
    }
}

using FamilyTime.Domain.Children;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Voice;

namespace FamilyTime.UnitTests;

/// <summary>The young person's own voice (issue 11, item 6): the rules the domain keeps.</summary>
public class VoiceRulesTests
{
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Session = Guid.NewGuid();
    private static readonly DateTime At = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);

    private static (SessionFeeling? Feeling, Domain.Common.ValidationErrors Errors) Say(SessionStatus status, FeelingFace? face = FeelingFace.Happy,
        string? words = null, SessionFeeling? newest = null, Guid? sessionChild = null) =>
        SessionFeeling.Say(Child, sessionChild ?? Child, Session, status, newest, face, words, "young-1", At);

    [Theory]
    [InlineData(SessionStatus.TookPlace, true)]
    [InlineData(SessionStatus.EndedEarly, true)]
    [InlineData(SessionStatus.Planned, false)]
    [InlineData(SessionStatus.CancelledByParent, false)]
    [InlineData(SessionStatus.ChildDeclined, false)]
    [InlineData(SessionStatus.Rearranged, false)]
    public void A_feeling_is_only_for_a_held_session(SessionStatus status, bool allowed)
    {
        var (feeling, errors) = Say(status);

        Assert.Equal(allowed, feeling is not null);
        Assert.Equal(allowed, errors.IsValid);
    }

    [Fact]
    public void A_feeling_is_only_for_a_session_of_their_own()
    {
        var (feeling, errors) = Say(SessionStatus.TookPlace, sessionChild: Guid.NewGuid());

        Assert.Null(feeling);
        Assert.True(errors.ByField.ContainsKey("Session"));
    }

    [Fact]
    public void A_feeling_needs_a_face_and_keeps_words_short()
    {
        Assert.True(Say(SessionStatus.TookPlace, face: null).Errors.ByField.ContainsKey("Face"));
        Assert.True(Say(SessionStatus.TookPlace, face: (FeelingFace)9).Errors.ByField.ContainsKey("Face"));
        Assert.True(Say(SessionStatus.TookPlace, words: new string('a', SessionFeeling.WordsLength + 1)).Errors.ByField.ContainsKey("Words"));
        Assert.True(Say(SessionStatus.TookPlace, words: new string('a', SessionFeeling.WordsLength)).Errors.IsValid);
    }

    [Fact]
    public void Saying_again_makes_the_next_version_and_saying_the_same_makes_nothing_new()
    {
        var first = Say(SessionStatus.TookPlace, FeelingFace.Sad, "  Mum left early ").Feeling!;
        var same = Say(SessionStatus.TookPlace, FeelingFace.Sad, "Mum left early", first).Feeling;
        var changed = Say(SessionStatus.TookPlace, FeelingFace.Okay, "Mum left early", first).Feeling!;

        Assert.Equal((1, "Mum left early"), (first.Number, first.Words));
        Assert.Same(first, same);
        Assert.Equal(2, changed.Number);
        Assert.NotEqual(first.Id, changed.Id);
    }

    [Fact]
    public void Wishes_need_someone_chosen_or_words()
    {
        var (none, errors) = SeeingWishes.Say(Child, [], " ", null, null, "young-1", At);
        var (chosen, _) = SeeingWishes.Say(Child, ["Kelly (Mum)", "Kelly (Mum)", "Jo (sister)"], null, null, null, "young-1", At);
        var (onlyNot, _) = SeeingWishes.Say(Child, [], null, "Not Rob", null, "young-1", At);

        Assert.Null(none);
        Assert.True(errors.ByField.ContainsKey("WantToSee"));
        Assert.Equal("Kelly (Mum), Jo (sister)", chosen!.WantToSee);
        Assert.Equal("Not Rob", onlyNot!.NotWantToSee);
        Assert.Same(chosen, SeeingWishes.Say(Child, ["Kelly (Mum)", "Jo (sister)"], null, null, chosen, "young-1", At).Wishes);
    }

    [Fact]
    public void Asking_to_talk_again_within_the_window_joins_the_first_task()
    {
        var key = Guid.NewGuid();
        var first = TalkRequest.Ask(Child, key, TalkTo.SocialWorker, null, null, "young-1", At).Request!;
        var soon = TalkRequest.Ask(Child, Guid.NewGuid(), TalkTo.SocialWorker, "more", At, "young-1", At + TalkRequest.RepeatWindow - TimeSpan.FromMinutes(1)).Request!;
        var later = TalkRequest.Ask(Child, Guid.NewGuid(), TalkTo.SocialWorker, null, At, "young-1", At + TalkRequest.RepeatWindow).Request!;

        Assert.True(first.MadeTask);
        Assert.False(soon.MadeTask);
        Assert.Equal("more", soon.Words);
        Assert.True(later.MadeTask);
    }

    [Fact]
    public void Asking_to_talk_needs_who_and_a_request_key()
    {
        Assert.True(TalkRequest.Ask(Child, Guid.NewGuid(), null, null, null, "young-1", At).Errors.ByField.ContainsKey("Who"));
        Assert.True(TalkRequest.Ask(Child, Guid.Empty, TalkTo.SomeoneElse, null, null, "young-1", At).Errors.ByField.ContainsKey("RequestKey"));
        Assert.True(TalkRequest.Ask(Child, Guid.NewGuid(), TalkTo.SomeoneElse, new string('a', TalkRequest.WordsLength + 1), null, "young-1", At).Errors.ByField.ContainsKey("Words"));
    }

    [Fact]
    public void A_young_person_names_family_time_in_their_own_words_and_empty_goes_back_to_family_time()
    {
        var child = Child_();

        Assert.True(child.RenameFamilyTime("  seeing Mum ").IsValid);
        Assert.Equal("seeing Mum", child.FamilyTimeName);
        Assert.False(child.RenameFamilyTime(new string('x', ChildDetails.FamilyTimeNameLength + 1)).IsValid);
        Assert.Equal("seeing Mum", child.FamilyTimeName);
        Assert.True(child.RenameFamilyTime(" ").IsValid);
        Assert.Equal(ChildDetails.DefaultFamilyTimeName, child.FamilyTimeName);
    }

    [Fact]
    public void Every_face_has_words_beside_it()
    {
        Assert.Equal(5, FeelingFaces.All.Count);
        Assert.Equal(5, FeelingFaces.All.Select(FeelingFaces.Words).Distinct().Count());
        Assert.All(FeelingFaces.All, f => Assert.False(string.IsNullOrWhiteSpace(FeelingFaces.Emoji(f))));
    }

    private static Child Child_() => Valid.Child();
}

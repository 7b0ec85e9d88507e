using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.UnitTests.Carers;

/// <summary>The carer portal's rules: before and after only for held sessions, the indirect-contact log, alert choices.</summary>
public sealed class CarerRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Mum = Guid.NewGuid();

    private static IReadOnlyDictionary<string, int?> Settled() => CarerObservation.Areas.ToDictionary(a => a, _ => (int?)1);

    [Theory]
    [InlineData(SessionStatus.CancelledByParent)]
    [InlineData(SessionStatus.CancelledByCarer)]
    [InlineData(SessionStatus.CancelledByAuthority)]
    [InlineData(SessionStatus.ParentDidNotAttend)]
    [InlineData(SessionStatus.ChildDeclined)]
    [InlineData(SessionStatus.Rearranged)]
    [InlineData(SessionStatus.Suspended)]
    [InlineData(SessionStatus.Planned)]
    public void A_rating_for_a_session_that_did_not_take_place_is_refused_with_kind_words(SessionStatus status)
    {
        var (observation, errors) = CarerObservation.Record(Guid.NewGuid(), Guid.NewGuid(), status, ObservationMoment.After, Settled(), null, "carer", Now);

        Assert.Null(observation);
        var message = Assert.Single(errors.ByField["Session"]);
        Assert.Contains("before and after", message, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(SessionStatus.TookPlace)]
    [InlineData(SessionStatus.EndedEarly)]
    public void A_rating_for_a_held_session_is_recorded(SessionStatus status)
    {
        var (observation, errors) = CarerObservation.Record(Guid.NewGuid(), Guid.NewGuid(), status, ObservationMoment.Before, Settled(), "Calm", "carer", Now);

        Assert.True(errors.IsValid);
        Assert.Equal(ObservationMoment.Before, observation!.Moment);
        Assert.Null(CarerObservation.NotHeldRefusal(status));
    }

    private static IndirectContactDraft Draft(IndirectContactKind? kind = IndirectContactKind.PhoneCall, Guid? person = null, bool someoneElse = false, bool worried = false, DateTime? at = null) =>
        new(kind, at ?? Now.AddHours(-2), person, someoneElse, null, "Mum rang", "Happy", "Nothing needed", worried);

    [Fact]
    public void An_entry_names_one_of_the_childs_people_or_someone_else()
    {
        var (_, noWho) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(), Draft(), [Mum], "carer", Now);
        Assert.Contains("PersonId", noWho.ByField.Keys);

        var (_, stranger) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(), Draft(person: Guid.NewGuid()), [Mum], "carer", Now);
        Assert.Contains("PersonId", stranger.ByField.Keys);

        var (withMum, ok) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(), Draft(person: Mum), [Mum], "carer", Now);
        Assert.True(ok.IsValid);
        Assert.Equal(Mum, withMum!.PersonId);

        var (unknown, ok2) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(), Draft(someoneElse: true), [Mum], "carer", Now);
        Assert.True(ok2.IsValid);
        Assert.Null(unknown!.PersonId);
    }

    [Fact]
    public void An_entry_says_what_happened_how_the_child_was_and_what_the_carer_did_and_is_not_in_the_future()
    {
        var (_, errors) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(),
            new IndirectContactDraft(null, Now.AddDays(1), Mum, false, null, " ", null, "", false), [Mum], "carer", Now);

        Assert.Equal(["Kind", "HappenedAt", "WhatHappened", "HowChildWas", "WhatCarerDid"], errors.ByField.Keys.Order().ToArray().OrderBy(k => k switch
        {
            "Kind" => 0, "HappenedAt" => 1, "WhatHappened" => 2, "HowChildWas" => 3, _ => 4,
        }).ToArray());
    }

    [Theory]
    [InlineData(IndirectContactKind.UnplannedOnline, false, true)]
    [InlineData(IndirectContactKind.SocialMedia, false, false)]
    [InlineData(IndirectContactKind.PhoneCall, true, true)]
    [InlineData(IndirectContactKind.Letter, false, false)]
    public void Unplanned_contact_online_or_a_worried_carer_makes_an_entry_urgent(IndirectContactKind kind, bool worried, bool urgent)
    {
        var (entry, _) = IndirectContactEntry.Log(Guid.NewGuid(), Guid.NewGuid(), Draft(kind, Mum, worried: worried), [Mum], "carer", Now);

        Assert.Equal(urgent, entry!.IsUrgent);
    }

    [Fact]
    public void The_id_given_with_an_entry_is_kept_so_a_retried_post_finds_it()
    {
        var id = Guid.NewGuid();
        var (entry, _) = IndirectContactEntry.Log(id, Guid.NewGuid(), Draft(person: Mum), [Mum], "carer", Now);

        Assert.Equal(id, entry!.Id);
    }

    [Fact]
    public void A_carer_chooses_email_text_or_both_and_texts_and_calls_need_a_number()
    {
        Assert.Contains("ByEmail", CarerAlertPreferences.Choose("c", false, false, false, true, Now).Errors.ByField.Keys);
        Assert.Contains("ByText", CarerAlertPreferences.Choose("c", false, true, false, false, Now).Errors.ByField.Keys);
        Assert.Contains("PhoneBeforeEarlyReturn", CarerAlertPreferences.Choose("c", true, false, true, false, Now).Errors.ByField.Keys);
        var (both, errors) = CarerAlertPreferences.Choose("c", true, true, true, true, Now);
        Assert.True(errors.IsValid);
        Assert.True(both!.ByEmail && both.ByText && both.PhoneBeforeEarlyReturn);
        var fallback = CarerAlertPreferences.Default("c");
        Assert.True(fallback.ByEmail && !fallback.ByText && !fallback.PhoneBeforeEarlyReturn);
    }

    [Theory]
    [InlineData(SessionStatus.CancelledByParent, SessionChange.Cancelled)]
    [InlineData(SessionStatus.CancelledByAuthority, SessionChange.Cancelled)]
    [InlineData(SessionStatus.Suspended, SessionChange.Cancelled)]
    [InlineData(SessionStatus.Rearranged, SessionChange.Moved)]
    [InlineData(SessionStatus.EndedEarly, SessionChange.EndedEarly)]
    [InlineData(SessionStatus.TookPlace, null)]
    [InlineData(SessionStatus.ParentDidNotAttend, null)]
    public void Carers_are_alerted_when_a_session_is_cancelled_moved_or_ended_early(SessionStatus status, SessionChange? change) =>
        Assert.Equal(change, SessionChangeRules.From(status));
}

using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class InfantGuidanceTests
{
    private static readonly InfantGuidance Guidance = new();

    /// <summary>17 months old on 23 November 2026.</summary>
    private static readonly DateOnly Baby = D(2025, 6, 10);

    private static string[] PromptFields(ArrangementDetails details, DateOnly? dateOfBirth = null, IReadOnlyCollection<PlanPerson>? people = null, InfantGuidance? guidance = null) =>
        (guidance ?? Guidance).PromptsFor(dateOfBirth ?? Baby, Today, details, people ?? Family).Select(p => p.Field).ToArray();

    [Fact]
    public void The_defaults_are_under_two_30_minutes_journey_and_90_minute_sessions()
    {
        Assert.Equal(24, Guidance.UnderMonths);
        Assert.Equal(30, Guidance.MaxJourneyMinutes);
        Assert.Equal(90, Guidance.MaxSessionMinutes);
    }

    [Fact]
    public void Short_weekly_family_time_near_home_needs_no_prompt() =>
        Assert.Empty(PromptFields(Arrangement() with { JourneyMinutes = 30, DurationMinutes = 90 }));

    [Fact]
    public void A_long_journey_is_prompted_with_its_length()
    {
        var prompt = Assert.Single(Guidance.PromptsFor(Baby, Today, Arrangement() with { JourneyMinutes = 31 }, Family));

        Assert.Equal("JourneyMinutes", prompt.Field);
        Assert.Contains("The journey is 31 minutes", prompt.Text, StringComparison.Ordinal);
        Assert.Contains("under 30 minutes", prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_not_recorded_is_prompted_too()
    {
        var prompt = Assert.Single(Guidance.PromptsFor(Baby, Today, Arrangement() with { JourneyMinutes = null }, Family));

        Assert.Equal("JourneyMinutes", prompt.Field);
        Assert.StartsWith("Record how long the journey", prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_session_is_prompted_with_its_length()
    {
        var prompt = Assert.Single(Guidance.PromptsFor(Baby, Today, Arrangement() with { DurationMinutes = 91 }, Family));

        Assert.Equal("DurationMinutes", prompt.Field);
        Assert.Contains("Sessions of 91 minutes", prompt.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrequencyKind.Monthly)]
    [InlineData(FrequencyKind.CustomDates)]
    public void Family_time_with_a_parent_less_than_fortnightly_is_prompted(FrequencyKind kind)
    {
        Assert.Equal(["Frequency"], PromptFields(Arrangement(Mum) with { Frequency = kind }));
        Assert.Equal(["Frequency"], PromptFields(Arrangement(Grandma, Dad) with { Frequency = kind }));
    }

    [Theory]
    [InlineData(FrequencyKind.Weekly)]
    [InlineData(FrequencyKind.Fortnightly)]
    public void Weekly_or_fortnightly_with_a_parent_is_not_prompted(FrequencyKind kind) =>
        Assert.Empty(PromptFields(Arrangement(Mum) with { Frequency = kind }));

    [Fact]
    public void Monthly_family_time_with_others_than_parents_is_not_prompted()
    {
        Assert.Empty(PromptFields(Arrangement(Grandma) with { Frequency = FrequencyKind.Monthly }));
        Assert.Empty(PromptFields(Arrangement(Brother) with { Frequency = FrequencyKind.Monthly }));
    }

    [Fact]
    public void A_parent_is_known_by_the_people_of_the_record()
    {
        // Mum's id is chosen but she is not among the people given: nothing says she is a parent.
        Assert.Empty(PromptFields(Arrangement(Mum) with { Frequency = FrequencyKind.Monthly }, people: [Grandma]));
    }

    [Fact]
    public void Every_prompt_at_once_in_field_order()
    {
        var details = Arrangement(Mum) with { JourneyMinutes = 45, DurationMinutes = 120, Frequency = FrequencyKind.Monthly };
        Assert.Equal(["JourneyMinutes", "DurationMinutes", "Frequency"], PromptFields(details));
    }

    [Fact]
    public void A_child_of_two_or_more_gets_no_prompts()
    {
        var details = Arrangement(Mum) with { JourneyMinutes = 45, DurationMinutes = 120, Frequency = FrequencyKind.Monthly };

        Assert.Empty(PromptFields(details, dateOfBirth: Today.AddYears(-2)));
        Assert.Equal(3, PromptFields(details, dateOfBirth: Today.AddYears(-2).AddDays(1)).Length);
        Assert.Empty(PromptFields(details, dateOfBirth: Valid.DateOfBirth));
    }

    [Theory]
    [InlineData(FamilyTimeForm.Phone)]
    [InlineData(FamilyTimeForm.VideoCall)]
    [InlineData(FamilyTimeForm.Letter)]
    public void Family_time_that_is_not_face_to_face_gets_no_prompts(FamilyTimeForm form) =>
        Assert.Empty(PromptFields(Arrangement(Mum) with { Form = form, JourneyMinutes = null, DurationMinutes = 120, Frequency = FrequencyKind.Monthly }));

    [Fact]
    public void The_service_may_set_its_own_limits()
    {
        var guidance = new InfantGuidance { UnderMonths = 36, MaxJourneyMinutes = 15, MaxSessionMinutes = 60 };
        var details = Arrangement(Mum) with { JourneyMinutes = 20, DurationMinutes = 75 };
        var twoAndAHalf = D(2024, 5, 23);

        Assert.Equal(["JourneyMinutes", "DurationMinutes"], PromptFields(details, twoAndAHalf, guidance: guidance));
        Assert.Empty(PromptFields(details, twoAndAHalf));
    }
}

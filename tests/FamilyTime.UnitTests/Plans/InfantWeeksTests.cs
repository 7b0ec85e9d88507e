using FamilyTime.Domain.Plans;

namespace FamilyTime.UnitTests.Plans;

/// <summary>Babies (guidance section 5): time to settle before family time begins, and each week's journeys and handovers across all arrangements.</summary>
public class InfantWeeksTests
{
    private static readonly DateOnly Today = new(2026, 11, 17); // a Tuesday
    private static readonly DateOnly Baby = Today.AddMonths(-6);
    private static readonly InfantGuidance Guidance = new() { SettlingDays = 7, MaxWeeklyJourneyMinutes = 180, MaxWeeklyHandovers = 6, WeeksShown = 4 };

    [Fact]
    public void Baby_first_session_within_the_settling_days_after_coming_into_care_prompts()
    {
        var cameIntoCare = Today.AddDays(-2);
        Assert.NotNull(Guidance.SettlingPrompt(Baby, cameIntoCare, cameIntoCare.AddDays(3)));
        Assert.Null(Guidance.SettlingPrompt(Baby, cameIntoCare, cameIntoCare.AddDays(7)));
        Assert.Null(Guidance.SettlingPrompt(Baby, cameIntoCare, null));
        // The settling period is the service's to set.
        Assert.NotNull((Guidance with { SettlingDays = 14 }).SettlingPrompt(Baby, cameIntoCare, cameIntoCare.AddDays(10)));
    }

    [Fact]
    public void Settling_prompt_is_for_babies_only()
    {
        var tenYearOld = Today.AddYears(-10);
        Assert.Null(Guidance.SettlingPrompt(tenYearOld, Today, Today.AddDays(1)));
    }

    [Fact]
    public void Baby_week_totals_journeys_there_and_back_and_handovers_across_all_arrangements()
    {
        // Mum on Monday and Thursday (40 minutes away), Dad on Wednesday (30 minutes away), in the week of 16 November.
        var monday = new DateOnly(2026, 11, 16);
        InfantSession[] sessions = [new(monday, 40), new(monday.AddDays(3), 40), new(monday.AddDays(2), 30), new(monday.AddDays(7), 40)];
        var weeks = Guidance.Weeks(Baby, Today, sessions);
        Assert.Equal(4, weeks.Count);
        Assert.Equal(monday, weeks[0].Monday);
        Assert.Equal(3, weeks[0].Sessions);
        Assert.Equal(2 * (40 + 40 + 30), weeks[0].JourneyMinutes);
        Assert.Equal(6, weeks[0].Handovers);
        Assert.True(weeks[0].TooMuchTravel); // 220 > 180
        Assert.False(weeks[0].TooManyHandovers); // 6 is the limit, not over it
        Assert.Equal(1, weeks[1].Sessions);
        Assert.False(weeks[1].TooMuchTravel);
    }

    [Fact]
    public void Baby_week_over_the_limits_prompts_and_a_week_within_them_does_not()
    {
        var monday = new DateOnly(2026, 11, 16);
        var busy = Enumerable.Range(0, 4).Select(d => new InfantSession(monday.AddDays(d), 10)).ToList(); // 8 handovers, 80 minutes
        var prompts = Guidance.WeeklyPrompts(Guidance.Weeks(Baby, Today, busy));
        var prompt = Assert.Single(prompts);
        Assert.Contains("8 handovers", prompt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("minutes of travel", prompt.Text, StringComparison.Ordinal);
        Assert.Empty(Guidance.WeeklyPrompts(Guidance.Weeks(Baby, Today, busy.Take(3))));
    }

    [Fact]
    public void Baby_week_counts_a_session_without_a_journey_as_unknown()
    {
        var weeks = Guidance.Weeks(Baby, Today, [new InfantSession(Today, null)]);
        Assert.Equal(0, weeks[0].JourneyMinutes);
        Assert.Equal(1, weeks[0].JourneysUnknown);
    }

    [Fact]
    public void Weekly_totals_stop_when_the_child_turns_two()
    {
        var almostTwo = Today.AddMonths(-24).AddDays(10);
        Assert.Equal(2, Guidance.Weeks(almostTwo, Today, []).Count);
        Assert.Empty(Guidance.Weeks(Today.AddYears(-3), Today, []));
    }
}

namespace FamilyTime.Domain.Plans;

/// <summary>
/// Practice prompts for babies and infants (guidance section 5, section 10): short journeys, short sessions and
/// family time often enough to build a relationship. Configurable by the service; they advise and never block.
/// </summary>
public sealed record InfantGuidance
{
    public int UnderMonths { get; init; } = 24;
    public int MaxJourneyMinutes { get; init; } = 30;
    public int MaxSessionMinutes { get; init; } = 90;

    /// <summary>Days after coming into care before a baby's first session, to settle with the carer (section 5).</summary>
    public int SettlingDays { get; init; } = 7;

    /// <summary>The journeys of a week, there and back, across every arrangement, before the prompt shows.</summary>
    public int MaxWeeklyJourneyMinutes { get; init; } = 180;

    /// <summary>Handovers in a week (to family time and back, two a session) across every arrangement, before the prompt shows.</summary>
    public int MaxWeeklyHandovers { get; init; } = 6;

    /// <summary>How many weeks ahead the weekly totals look.</summary>
    public int WeeksShown { get; init; } = 4;

    public bool IsInfant(DateOnly dateOfBirth, DateOnly on) => dateOfBirth.AddMonths(UnderMonths) > on;

    /// <summary>
    /// A baby's first session (held or planned) falling within the settling days after coming into care is prompted:
    /// babies need time to settle and begin an attachment to their main carer before family time starts.
    /// </summary>
    public PracticePrompt? SettlingPrompt(DateOnly dateOfBirth, DateOnly cameIntoCareOn, DateOnly? firstSession)
    {
        if (firstSession is not { } first || !IsInfant(dateOfBirth, first) || first >= cameIntoCareOn.AddDays(SettlingDays))
        {
            return null;
        }
        var days = first.DayNumber - cameIntoCareOn.DayNumber;
        return new("Settling",
            $"The first session is {(days <= 0 ? "on the day" : days == 1 ? "1 day" : $"{days} days")} after coming into care. Babies need time to settle with their carer first: think about starting family time at least {SettlingDays} days after they came into care, unless the court has ordered otherwise.");
    }

    /// <summary>
    /// Each week's totals across every arrangement, from the Monday of <paramref name="from"/>'s week: a baby feels the
    /// week's journeys and handovers together, however they are shared between arrangements. A session's journey is
    /// counted there and back; one with no journey recorded counts none and is listed as unknown.
    /// </summary>
    public IReadOnlyList<InfantWeek> Weeks(DateOnly dateOfBirth, DateOnly from, IEnumerable<InfantSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        var list = sessions.ToList();
        var weeks = new List<InfantWeek>();
        for (var w = 0; w < WeeksShown; w++)
        {
            var start = monday.AddDays(7 * w);
            if (!IsInfant(dateOfBirth, start))
            {
                break;
            }
            var these = list.Where(s => s.Date >= start && s.Date < start.AddDays(7)).ToList();
            var journey = these.Sum(s => 2 * (s.JourneyMinutes ?? 0));
            var handovers = 2 * these.Count;
            weeks.Add(new InfantWeek(start, these.Count, journey, handovers, these.Count(s => s.JourneyMinutes is null),
                journey > MaxWeeklyJourneyMinutes, handovers > MaxWeeklyHandovers));
        }
        return weeks;
    }

    /// <summary>One prompt per week over a limit, in words for the plan page.</summary>
    public IReadOnlyList<PracticePrompt> WeeklyPrompts(IEnumerable<InfantWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var prompts = new List<PracticePrompt>();
        foreach (var week in weeks.Where(w => w.TooMuchTravel || w.TooManyHandovers))
        {
            var over = new List<string>();
            if (week.TooMuchTravel)
            {
                over.Add($"{week.JourneyMinutes} minutes of travel (more than {MaxWeeklyJourneyMinutes})");
            }
            if (week.TooManyHandovers)
            {
                over.Add($"{week.Handovers} handovers (more than {MaxWeeklyHandovers})");
            }
            prompts.Add(new("Week",
                $"The week of {week.Monday.ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} has {string.Join(" and ", over)} across all family time. For a baby, the week as a whole matters more than any one session: think about fewer, closer or combined sessions."));
        }
        return prompts;
    }

    public IReadOnlyList<PracticePrompt> PromptsFor(DateOnly dateOfBirth, DateOnly today, ArrangementDetails details, IReadOnlyCollection<PlanPerson> people)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(people);
        var prompts = new List<PracticePrompt>();
        if (!details.IsFaceToFace || !IsInfant(dateOfBirth, today))
        {
            return prompts;
        }
        if (details.JourneyMinutes is { } journey && journey > MaxJourneyMinutes)
        {
            prompts.Add(new("JourneyMinutes",
                $"The journey is {journey} minutes. Babies and infants do best with short journeys: think about a venue near home, or family time at home, under {MaxJourneyMinutes} minutes away."));
        }
        else if (details.JourneyMinutes is null)
        {
            prompts.Add(new("JourneyMinutes", "Record how long the journey from home is: babies and infants should not travel far to family time."));
        }
        if (details.DurationMinutes is { } minutes && minutes > MaxSessionMinutes)
        {
            prompts.Add(new("DurationMinutes",
                $"Sessions of {minutes} minutes are long for a baby or infant. Shorter sessions (up to {MaxSessionMinutes} minutes) avoid long times away from their main carer."));
        }
        var withParent = people.Any(p => details.PersonIds.Contains(p.Id) && People.RelationshipRules.IsParent(p.Relationship));
        if (withParent && details.Frequency is FrequencyKind.Monthly or FrequencyKind.CustomDates)
        {
            prompts.Add(new("Frequency",
                "Family time with a parent less often than every week or two makes it hard for a baby to begin a relationship with them. Think about shorter, more frequent sessions."));
        }
        return prompts;
    }
}

/// <summary>One face-to-face session of a baby's, with its arrangement's one-way journey.</summary>
public sealed record InfantSession(DateOnly Date, int? JourneyMinutes);

/// <summary>A week's family time for a baby across every arrangement: sessions, travel there and back, handovers.</summary>
public sealed record InfantWeek(DateOnly Monday, int Sessions, int JourneyMinutes, int Handovers, int JourneysUnknown, bool TooMuchTravel, bool TooManyHandovers);

/// <summary>Guidance shown next to a field. It never stops the plan being saved.</summary>
public sealed record PracticePrompt(string Field, string Text);

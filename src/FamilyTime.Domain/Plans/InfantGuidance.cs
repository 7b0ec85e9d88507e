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

    public IReadOnlyList<PracticePrompt> PromptsFor(DateOnly dateOfBirth, DateOnly today, ArrangementDetails details, IReadOnlyCollection<PlanPerson> people)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(people);
        var prompts = new List<PracticePrompt>();
        if (!details.IsFaceToFace || dateOfBirth.AddMonths(UnderMonths) <= today)
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

/// <summary>Guidance shown next to a field. It never stops the plan being saved.</summary>
public sealed record PracticePrompt(string Field, string Text);

namespace FamilyTime.Domain.Records;

/// <summary>The recording template fitted to the child's age: what to look for differs for a baby and a teenager.</summary>
public enum AgeBand
{
    BabyOrInfant = 1,
    PrimaryAge = 2,
    Teenager = 3,
}

public static class AgeBands
{
    public static AgeBand For(int ageInYears) => ageInYears switch
    {
        < 3 => AgeBand.BabyOrInfant,
        < 12 => AgeBand.PrimaryAge,
        _ => AgeBand.Teenager,
    };

    public static string Describe(AgeBand band) => band switch
    {
        AgeBand.BabyOrInfant => "Babies and infants (under 3)",
        AgeBand.PrimaryAge => "Primary age (3 to 11)",
        AgeBand.Teenager => "Teenagers (12 and over)",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band"),
    };

    /// <summary>
    /// Whether the template asks what the child said and for a debrief with them. A baby cannot say what they think
    /// or be debriefed, so the babies' template asks only what can be seen.
    /// </summary>
    public static bool AsksTheChild(AgeBand band) => band is not AgeBand.BabyOrInfant;

    /// <summary>
    /// What an observer can tick for each age band: factual, observable behaviour, kept apart from the worker's
    /// analysis. Codes are stable; the words are what the page shows.
    /// </summary>
    public static IReadOnlyList<(string Code, string Words)> Vocabulary(AgeBand band) => band switch
    {
        AgeBand.BabyOrInfant =>
        [
            ("settled-on-arrival", "Settled when handed to the parent"),
            ("eye-contact", "Parent and baby held eye contact"),
            ("responded-to-cues", "Parent responded to crying or hunger cues"),
            ("feeding", "Parent fed the baby"),
            ("nappy", "Parent changed the baby's nappy"),
            ("soothed", "Parent soothed the baby when upset"),
            ("comfort-seeking", "Baby sought comfort from the parent"),
            ("distress-at-separation", "Baby was distressed at the end"),
            ("sleepy-or-withdrawn", "Baby was sleepy or withdrawn"),
        ],
        AgeBand.PrimaryAge =>
        [
            ("greeted-warmly", "Child and parent greeted each other warmly"),
            ("played-together", "Played together"),
            ("praise", "Parent praised the child"),
            ("boundaries", "Parent set kind, clear boundaries"),
            ("child-led", "Parent followed the child's lead"),
            ("child-sought-carer", "Child asked for their carer"),
            ("child-withdrawn", "Child was quiet or withdrawn"),
            ("child-upset", "Child became upset"),
            ("adult-topics", "Adult topics were raised with the child"),
        ],
        AgeBand.Teenager =>
        [
            ("conversation", "Talked easily together"),
            ("shared-interest", "Shared an interest or activity"),
            ("phone-use", "Spent the session on phones"),
            ("young-person-led", "Young person chose what to do"),
            ("plans-discussed", "Talked about plans for the future"),
            ("conflict", "There was an argument"),
            ("young-person-left", "Young person asked to leave early"),
            ("adult-topics", "Adult topics were raised with the young person"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band"),
    };
}

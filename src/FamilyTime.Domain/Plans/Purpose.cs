namespace FamilyTime.Domain.Plans;

/// <summary>Why family time with this person happens (contact practice guidance section 3). Several may apply.</summary>
[Flags]
#pragma warning disable CA1714 // The flags' name follows the guidance's own word.
public enum Purpose
#pragma warning restore CA1714
{
    None = 0,
    Attachment = 1,
    KeyRelationship = 2,
    ParentingAssessment = 4,
    Rehabilitation = 8,
    Identity = 16,
    EmotionalNeeds = 32,
    CourtOrder = 64,
}

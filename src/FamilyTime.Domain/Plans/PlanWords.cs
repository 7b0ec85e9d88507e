namespace FamilyTime.Domain.Plans;

/// <summary>The plan's terms in plain words, for pages, letters and API messages alike.</summary>
public static class PlanWords
{
    public static string Describe(Purpose p) => p switch
    {
        Purpose.Attachment => "Building or keeping a bond with a parent",
        Purpose.KeyRelationship => "Keeping an important relationship",
        Purpose.ParentingAssessment => "Part of a parenting assessment",
        Purpose.Rehabilitation => "Part of a plan for the child to return home",
        Purpose.Identity => "Helping the child know who they are and where they come from",
        Purpose.EmotionalNeeds => "Meeting the child's emotional needs",
        Purpose.CourtOrder => "A court order or direction",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "Unknown purpose"),
    };

    public static IEnumerable<Purpose> Each(Purpose purposes) =>
        Enum.GetValues<Purpose>().Where(p => p != Purpose.None && purposes.HasFlag(p));

    public static string Describe(ArrangementType t) => t switch
    {
        ArrangementType.Supervised => "Supervised",
        ArrangementType.Assessed => "Assessed",
        ArrangementType.Facilitated => "Facilitated",
        ArrangementType.Unsupervised => "Unsupervised",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "Unknown type"),
    };

    /// <summary>What the type means, said to a parent.</summary>
    public static string Explain(ArrangementType t) => t switch
    {
        ArrangementType.Supervised => "A worker from the family time service will be with you for the whole time.",
        ArrangementType.Assessed => "A trained worker will be with you for some or all of the time, and will write down what they see of you and your child together. This may be shared with the family court.",
        ArrangementType.Facilitated => "A worker will help with the practical arrangements and support you and your child, but will not watch over the whole time.",
        ArrangementType.Unsupervised => "No worker will be there. The carer will talk with your child before and after.",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "Unknown type"),
    };

    public static string Describe(FamilyTimeForm f) => f switch
    {
        FamilyTimeForm.FaceToFace => "Face to face",
        FamilyTimeForm.Phone => "Phone call",
        FamilyTimeForm.VideoCall => "Video call",
        FamilyTimeForm.Text => "Text messages",
        FamilyTimeForm.Letter => "Letters",
        FamilyTimeForm.SocialMedia => "Social media",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown form"),
    };

    public static string Describe(PlanStatus s) => s switch
    {
        PlanStatus.Draft => "Draft",
        PlanStatus.Agreed => "Agreed",
        PlanStatus.SharedWithFamily => "Agreed and shared with the family",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown status"),
    };

    public static bool IsSupervisedOrAssessed(ArrangementType t) => t is ArrangementType.Supervised or ArrangementType.Assessed;
}

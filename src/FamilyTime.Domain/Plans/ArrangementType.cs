namespace FamilyTime.Domain.Plans;

/// <summary>How much the authority is present during family time (contact practice guidance section 7).</summary>
public enum ArrangementType
{
    /// <summary>A third party is present throughout to protect the child and see the agreement kept.</summary>
    Supervised = 1,

    /// <summary>A trained worker observes and assesses the parent and child together; records may be court evidence.</summary>
    Assessed = 2,

    /// <summary>Practical and emotional support so family time happens regularly and well.</summary>
    Facilitated = 3,

    /// <summary>No one from the authority is present; carers check with the child before and after.</summary>
    Unsupervised = 4,
}

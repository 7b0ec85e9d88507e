namespace FamilyTime.Domain.Access;

/// <summary>How much of a child's record a user may see, from nothing to the whole case.</summary>
public enum ChildAccess
{
    /// <summary>Out of reach: the record answers "not found", so its existence is not revealed.</summary>
    None = 0,

    /// <summary>A parent or family member: the child's name and what family time is called. Never the child's home or carers.</summary>
    Family = 1,

    /// <summary>Carers, contact workers and coordinators: what is needed to run family time.</summary>
    Support = 2,

    /// <summary>The professionals who hold the case: the whole record.</summary>
    Case = 3,
}

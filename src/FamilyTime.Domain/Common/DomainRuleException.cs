namespace FamilyTime.Domain.Common;

/// <summary>
/// A rule of practice or law refused a change. The message is shown to the user as it is,
/// so it must say in plain words what the rule is and what to do instead.
/// </summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    public DomainRuleException() : this(string.Empty, "A rule refused this change.") { }

    public DomainRuleException(string message) : this(string.Empty, message) { }

    public DomainRuleException(string message, Exception inner) : this(string.Empty, message) => _ = inner;
}

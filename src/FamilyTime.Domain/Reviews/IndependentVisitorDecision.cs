using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Reviews;

/// <summary>
/// The social worker's answer to the Independent Visitor prompt (guidance section 14): a child who has had no
/// family time with a parent for a while is considered for a referral, and the decision is recorded either way.
/// </summary>
public sealed class IndependentVisitorDecision
{
    private IndependentVisitorDecision() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public bool Referred { get; private set; }
    public string Reasons { get; private set; } = "";
    public DateOnly DecidedOn { get; private set; }
    public string DecidedById { get; private set; } = "";
    public string DecidedByName { get; private set; } = "";
    public DateTime DecidedAt { get; private set; }

    public static (IndependentVisitorDecision? Decision, ValidationErrors Errors) Record(Guid childId, bool? referred, string? reasons, Signature by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (referred is null)
        {
            errors.Add("Referred", "Say whether the child is being referred for an Independent Visitor");
        }
        errors.Required("Reasons", reasons, referred == false
            ? "Say why an Independent Visitor is not right for the child now"
            : "Say why, and what the child thinks about having an Independent Visitor");
        errors.MaxLength("Reasons", reasons, ArrangementDetails.LongText, "The reasons");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new IndependentVisitorDecision
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            Referred = referred!.Value,
            Reasons = reasons!.Trim(),
            DecidedOn = today,
            DecidedById = by.UserId,
            DecidedByName = by.Name,
            DecidedAt = by.At,
        }, errors);
    }
}

/// <summary>When the Independent Visitor prompt shows.</summary>
public static class IndependentVisitorPrompt
{
    public const int DefaultMonths = 3;

    /// <summary>
    /// The day the prompt became due, or null when it is not: no family time with a parent since
    /// <paramref name="lastParentalFamilyTime"/> (or since coming into care) for <paramref name="months"/> months,
    /// and no decision recorded since that gap began.
    /// </summary>
    public static DateOnly? DueSince(DateOnly cameIntoCareOn, DateOnly? lastParentalFamilyTime, DateOnly? lastDecisionOn, DateOnly today, int months)
    {
        var gapFrom = lastParentalFamilyTime is { } last && last > cameIntoCareOn ? last : cameIntoCareOn;
        var due = gapFrom.AddMonths(months);
        if (due > today)
        {
            return null;
        }
        return lastDecisionOn is { } decided && decided >= gapFrom ? null : due;
    }
}

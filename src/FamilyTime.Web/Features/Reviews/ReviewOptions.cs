using FamilyTime.Domain.Reviews;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>The "Reviews" settings.</summary>
public sealed class ReviewOptions
{
    /// <summary>How long without family time with a parent before an Independent Visitor referral is considered (guidance section 14).</summary>
    public int IndependentVisitorMonths { get; set; } = IndependentVisitorPrompt.DefaultMonths;
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Reviews;

/// <summary>
/// Who took part in a review (issue 10, item 14; guidance section 14: regular reviews with the family): the child,
/// the carers, the parents and anyone else. A review without the child says why, and how their wishes were heard.
/// </summary>
public sealed record ReviewParticipation(bool Child, string? ChildNotWhy, bool Carers, bool Parents, string? Others)
{
    public const int MaxText = 1000;

    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Child)
        {
            errors.Required("ChildNotWhy", ChildNotWhy, "Say why the child did not take part, and how their wishes and feelings were heard");
        }
        errors.MaxLength("ChildNotWhy", ChildNotWhy, MaxText, "Why the child did not take part");
        errors.MaxLength("Others", Others, MaxText, "Who else took part");
    }

    /// <summary>"the child, the carers and the parents" for the review's record and lists.</summary>
    public string Describe()
    {
        List<string> who = [];
        if (Child)
        {
            who.Add("the child");
        }
        if (Carers)
        {
            who.Add("the carers");
        }
        if (Parents)
        {
            who.Add("the parents");
        }
        if (Text.Clean(Others) is { } others)
        {
            who.Add(others);
        }
        return who.Count switch
        {
            0 => "no one recorded",
            1 => who[0],
            _ => string.Join(", ", who.Take(who.Count - 1)) + " and " + who[^1],
        };
    }
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Portfolio;

public enum PortfolioItemKind
{
    /// <summary>Something the parent has done, agreed with the worker ("finished the parenting course").</summary>
    Achievement = 1,

    /// <summary>Something the parent and the worker agreed to work towards; marked achieved when it is.</summary>
    Goal = 2,
}

/// <summary>
/// One line of a parent's portfolio (a tip of the recurrent-care guidance: "help parents build a portfolio of what
/// they have achieved"; "set goals with parents"). Written by the social worker with the parent, about the parent
/// as a person in the child's life; the parent reads it on their portfolio page.
/// </summary>
public sealed class PortfolioGoal : IVersioned
{
    public const int TitleLength = 200;
    public const int DetailLength = 2000;

    private PortfolioGoal() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid PersonId { get; private set; }
    public PortfolioItemKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateOnly AgreedOn { get; private set; }
    public DateOnly? AchievedOn { get; private set; }
    public string AddedById { get; private set; } = "";
    public DateTime AddedAt { get; private set; }
    public int Version { get; set; }

    public bool IsAchieved => Kind == PortfolioItemKind.Achievement || AchievedOn is not null;

    public static (PortfolioGoal? Item, ValidationErrors Errors) Add(Guid childId, Guid personId, PortfolioItemKind? kind, string? title, string? detail,
        DateOnly today, string byId, DateTime at)
    {
        var errors = new ValidationErrors();
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add("Kind", "Choose whether this is a goal or something already achieved");
        }
        errors.Required("Title", title, "Write the goal or achievement in a few words");
        errors.MaxLength("Title", title, TitleLength, "The goal or achievement");
        errors.MaxLength("Detail", detail, DetailLength, "More about it");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new PortfolioGoal
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            PersonId = personId,
            Kind = kind!.Value,
            Title = Text.Clean(title)!,
            Detail = Text.Clean(detail),
            AgreedOn = today,
            AchievedOn = kind == PortfolioItemKind.Achievement ? today : null,
            AddedById = byId,
            AddedAt = at,
        }, errors);
    }

    /// <summary>A goal reached; marking it again keeps the first day.</summary>
    public ValidationErrors MarkAchieved(DateOnly on)
    {
        var errors = new ValidationErrors();
        if (Kind != PortfolioItemKind.Goal)
        {
            errors.Add("", "Only a goal can be marked as achieved.");
        }
        else
        {
            AchievedOn ??= on;
        }
        return errors;
    }
}

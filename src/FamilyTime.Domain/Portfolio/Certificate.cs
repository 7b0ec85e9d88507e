using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Portfolio;

/// <summary>A certificate in a parent's portfolio (a course finished, a test passed): a title and a file checked by content.</summary>
public sealed class Certificate
{
    public const int TitleLength = 200;

    private Certificate() { }

    public Guid Id { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly? AwardedOn { get; private set; }
    public Guid FileId { get; private set; }
    public DateTime AddedAt { get; private set; }

    public static ValidationErrors Check(string? title, DateOnly? awardedOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Required("Title", title, "Enter what the certificate is for, for example Parenting course");
        errors.MaxLength("Title", title, TitleLength, "What the certificate is for");
        if (awardedOn > today)
        {
            errors.Add("AwardedOn", "The date it was awarded must be today or in the past");
        }
        return errors;
    }

    public static Certificate Add(string ownerUserId, string title, DateOnly? awardedOn, Guid fileId, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        OwnerUserId = ownerUserId,
        Title = Text.Clean(title)!,
        AwardedOn = awardedOn,
        FileId = fileId,
        AddedAt = at,
    };
}

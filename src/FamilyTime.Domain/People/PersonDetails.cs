using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.People;

/// <summary>Input describing a significant person in the child's life.</summary>
public sealed record PersonDetails(
    string? FullName,
    Relationship? Relationship,
    bool HasParentalResponsibility,
    bool ChildPlacedWithThem,
    string? Address,
    string? Phone,
    string? Email,
    string? SpokenLanguage,
    bool NeedsInterpreter)
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(nameof(FullName), FullName, "Enter the person's full name");
        errors.MaxLength(nameof(FullName), FullName, 150, "Full name");
        if (Relationship is not { } r || !Enum.IsDefined(r))
        {
            errors.Add(nameof(Relationship), "Select how the person is related to the child");
        }
        errors.MaxLength(nameof(Address), Address, 300, "Address");
        errors.MaxLength(nameof(Phone), Phone, 40, "Phone number");
        errors.MaxLength(nameof(Email), Email, 200, "Email address");
        errors.MaxLength(nameof(SpokenLanguage), SpokenLanguage, 60, "Spoken language");
        if (Text.Clean(Email) is { } email && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            errors.Add(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        if (Text.Clean(Phone) is { } phone && (!phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-') || phone.Count(char.IsDigit) < 6))
        {
            errors.Add(nameof(Phone), "Enter a phone number, like 01632 960 001 or 07700 900 982");
        }
        if (NeedsInterpreter && Text.Clean(SpokenLanguage) is null)
        {
            errors.Add(nameof(SpokenLanguage), "Enter the language the interpreter is needed for");
        }
    }
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Children;

/// <summary>Who the child is: the part of the record a social worker types in and corrects.</summary>
public sealed record ChildDetails(
    string? FirstName,
    string? LastName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Ethnicity,
    string? FirstLanguage,
    string? FamilyTimeName)
{
    public const string DefaultFamilyTimeName = "family time";
    public const int FamilyTimeNameLength = 60;

    /// <summary>Children's services work with young people up to 25, so an older date of birth is a typing slip.</summary>
    public const int OldestAgeInYears = 25;

    public void Validate(ValidationErrors errors, DateOnly today)
    {
        errors.Required(nameof(FirstName), FirstName, "Enter the child's first name");
        errors.Required(nameof(LastName), LastName, "Enter the child's last name");
        errors.MaxLength(nameof(FirstName), FirstName, 100, "First name");
        errors.MaxLength(nameof(LastName), LastName, 100, "Last name");
        errors.MaxLength(nameof(PreferredName), PreferredName, 100, "Preferred name");
        errors.Required(nameof(Gender), Gender, "Enter the child's gender");
        errors.MaxLength(nameof(Gender), Gender, 50, "Gender");
        errors.MaxLength(nameof(Ethnicity), Ethnicity, 100, "Ethnicity");
        errors.MaxLength(nameof(FirstLanguage), FirstLanguage, 60, "First language");
        errors.MaxLength(nameof(FamilyTimeName), FamilyTimeName, FamilyTimeNameLength, "What the child calls family time");

        if (DateOfBirth is not { } dob)
        {
            errors.Add(nameof(DateOfBirth), "Enter the child's date of birth");
        }
        else if (dob > today)
        {
            errors.Add(nameof(DateOfBirth), "Date of birth must be today or in the past");
        }
        else if (dob < today.AddYears(-OldestAgeInYears))
        {
            errors.Add(nameof(DateOfBirth), $"Date of birth must be within the last {OldestAgeInYears} years");
        }
    }
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Children;

/// <summary>Input describing a new home for a child.</summary>
public sealed record PlacementDetails(
    PlacementKind? Kind,
    Guid? CarerHouseholdId,
    string? ResidentialHomeName,
    DateOnly? StartDate,
    bool IsLongTerm)
{
    public void Validate(ValidationErrors errors, DateOnly today, DateOnly? dateOfBirth)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("PlacementKind", "Select where the child is living");
        }
        else if (kind == PlacementKind.CarerHousehold && CarerHouseholdId is null)
        {
            errors.Add(nameof(CarerHouseholdId), "Select the carer household the child lives with");
        }
        else if (kind == PlacementKind.ResidentialHome)
        {
            errors.Required(nameof(ResidentialHomeName), ResidentialHomeName, "Enter the name of the residential home");
            errors.MaxLength(nameof(ResidentialHomeName), ResidentialHomeName, 150, "Residential home name");
        }

        const string field = "PlacementStartDate";
        if (StartDate is not { } start)
        {
            errors.Add(field, "Enter the date the child started living there");
        }
        else if (start > today)
        {
            errors.Add(field, "The date the child started living there must be today or in the past");
        }
        else if (dateOfBirth is { } dob && start < dob)
        {
            errors.Add(field, "The date the child started living there must be on or after their date of birth");
        }
    }
}

using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Children;

/// <summary>Input for a legal status and the proceedings flag.</summary>
public sealed record LegalStatusDetails(LegalStatus? Status, DateOnly? StartDate, bool InCareProceedings)
{
    /// <summary>A child comes into care only on a status under which the authority looks after them.</summary>
    public void ValidateComingIntoCare(ValidationErrors errors, DateOnly today, DateOnly? dateOfBirth)
    {
        Validate(errors, today, dateOfBirth);
        if (Status is { } status && LegalStatusRules.IsKnown(status) && !LegalStatusRules.IsInCare(status))
        {
            errors.Add("LegalStatus", $"A child comes into care under an interim care order, a care order, section 20 or a placement order, not '{LegalStatusRules.Describe(status)}'");
        }
    }

    public void Validate(ValidationErrors errors, DateOnly today, DateOnly? dateOfBirth)
    {
        if (Status is not { } status || !LegalStatusRules.IsKnown(status))
        {
            errors.Add("LegalStatus", "Select the child's legal status");
        }
        else if (LegalStatusRules.CheckProceedings(status, InCareProceedings) is { } problem)
        {
            errors.Add(nameof(InCareProceedings), problem);
        }

        const string field = "LegalStatusStartDate";
        if (StartDate is not { } start)
        {
            errors.Add(field, "Enter the date the legal status started");
        }
        else if (start > today)
        {
            errors.Add(field, "The date the legal status started must be today or in the past");
        }
        else if (dateOfBirth is { } dob && start < dob)
        {
            errors.Add(field, "The date the legal status started must be on or after the child's date of birth");
        }
    }
}

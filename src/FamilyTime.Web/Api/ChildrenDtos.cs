using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.Web.Api;

public sealed record PlacementInput([property: NamesOf(typeof(PlacementKind))] string? Kind, Guid? CarerHouseholdId, string? ResidentialHomeName, DateOnly? StartDate, bool IsLongTerm);

/// <summary>A child coming into care. Legal status and home kind are names (e.g. "CareOrder", "CarerHousehold").</summary>
public sealed record NewChildRequest(
    string? FirstName,
    string? LastName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Ethnicity,
    string? FirstLanguage,
    string? FamilyTimeName,
    [property: NamesOf(typeof(LegalStatus))] string? LegalStatus,
    DateOnly? LegalStatusStartDate,
    bool InCareProceedings,
    PlacementInput? Placement,
    string? SocialWorkerId,
    string? IroId);

/// <summary>A correction of the child's details; <see cref="Version"/> is the version read before editing.</summary>
public sealed record ChildUpdateRequest(
    string? FirstName,
    string? LastName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Ethnicity,
    string? FirstLanguage,
    string? FamilyTimeName,
    int? Version)
{
    public ChildDetails ToDetails() => new(FirstName, LastName, PreferredName, DateOfBirth, Gender, Ethnicity, FirstLanguage, FamilyTimeName);
}

public static class EnumInput
{
    /// <summary>Reads an enum by name only (never a bare number), adding a field error that lists the names.</summary>
    public static T? Parse<T>(string? value, string field, string label, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Infrastructure.EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        errors.Add(field, $"Unknown {label} '{value}'. Use one of: {string.Join(", ", Enum.GetNames<T>())}");
        return null;
    }

    /// <summary>As <see cref="Parse{T}"/>, for a field that must be sent: left out, it is an error saying what to send.</summary>
    public static T? Required<T>(string? value, string field, string label, string missing, ValidationErrors errors) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
            return null;
        }
        return Parse<T>(value, field, label, errors);
    }
}

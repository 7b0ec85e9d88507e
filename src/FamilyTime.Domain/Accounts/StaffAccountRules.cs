using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Accounts;

/// <summary>What an administrator enters for a member of staff's account.</summary>
public sealed record StaffAccountDetails(string? UserName, string? DisplayName, string? Email, IReadOnlyCollection<string>? Roles, Guid? TeamId, Guid? AreaId);

/// <summary>
/// The checks on a staff account before it is saved. A team is where a social worker's or team manager's children are
/// allocated (DOMAIN.md "Roles"): without one they would see no child, so it is asked for. A coordinator plans one area's
/// week, so they need the area. Portal roles are never given here: families, carers and young people come in by invitation.
/// </summary>
public static class StaffAccountRules
{
    public const string UserNameField = "UserName";
    public const string DisplayNameField = "DisplayName";
    public const string EmailField = "Email";
    public const string RolesField = "Roles";
    public const string TeamField = "TeamId";
    public const string AreaField = "AreaId";

    /// <summary>The roles that need a team: their children are the team's.</summary>
    public static readonly IReadOnlySet<string> NeedTeam = new HashSet<string>(StringComparer.Ordinal) { Access.Roles.SocialWorker, Access.Roles.TeamManager };

    /// <summary>The roles that need an area: the coordinator's rota is one area's.</summary>
    public static readonly IReadOnlySet<string> NeedArea = new HashSet<string>(StringComparer.Ordinal) { Access.Roles.ContactCoordinator };

    /// <param name="isNew">A new account needs an e-mail address: the set-up link goes there.</param>
    public static ValidationErrors Validate(StaffAccountDetails details, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new ValidationErrors();
        var userName = Text.Clean(details.UserName);
        errors.Required(UserNameField, userName, "Enter a user name");
        errors.MaxLength(UserNameField, userName, 60, "The user name");
        if (userName is not null && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+'))
        {
            errors.Add(UserNameField, "A user name can only have letters, numbers and the signs . - _ @ +, with no spaces");
        }
        var name = Text.Clean(details.DisplayName);
        errors.Required(DisplayNameField, name, "Enter the person's full name");
        errors.MaxLength(DisplayNameField, name, 100, "The name");
        var email = Text.Clean(details.Email);
        if (email is null)
        {
            if (isNew)
            {
                errors.Add(EmailField, "Enter their work e-mail address: the link to set up the account is sent there");
            }
        }
        else if (!InvitationAddress.IsEmail(email))
        {
            errors.Add(EmailField, "Enter an e-mail address in the right form, like name@council.gov.uk");
        }
        var roles = details.Roles ?? [];
        if (roles.Count == 0)
        {
            errors.Add(RolesField, "Choose at least one role");
        }
        else if (roles.FirstOrDefault(r => !Access.Roles.Staff.Contains(r)) is { } unknown)
        {
            errors.Add(RolesField, Access.Roles.Portal.Contains(unknown)
                ? $"{Access.Roles.Describe(unknown)} is not a staff role: families, carers and young people are invited from the child's record"
                : $"There is no role called {unknown}");
        }
        if (roles.FirstOrDefault(NeedTeam.Contains) is { } teamRole && details.TeamId is null)
        {
            errors.Add(TeamField, $"Choose the team: a {Access.Roles.Describe(teamRole).ToLowerInvariant()} sees the children allocated to their team");
        }
        if (roles.Any(NeedArea.Contains) && details.AreaId is null)
        {
            errors.Add(AreaField, "Choose the area whose week the coordinator plans");
        }
        return errors;
    }
}

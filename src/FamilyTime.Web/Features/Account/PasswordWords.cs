using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account;

/// <summary>Identity's refusals of a password, in plain words.</summary>
public static class PasswordWords
{
    /// <summary>What is wrong with the password; null for an error that is not about the password.</summary>
    public static string? Describe(IdentityError error, PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => $"Your password must be at least {options.RequiredLength} characters long",
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Your password must have at least one number (0 to 9)",
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Your password must have at least one small letter (a to z)",
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Your password must have at least one capital letter (A to Z)",
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Your password must have at least one sign that is not a letter or number, like ! or #",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => $"Your password must use at least {options.RequiredUniqueChars} different characters",
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => error.Description,
            _ => null,
        };
    }
}

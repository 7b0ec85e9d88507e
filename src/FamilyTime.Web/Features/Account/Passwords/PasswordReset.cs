using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Account.Passwords;

/// <summary>
/// "Forgotten your password?": an e-mail with a link (<see cref="PasswordResetLinks"/>) to the account's address, and
/// the new password chosen from it. The request answers the same, and does work of the same kind (a look-up, a code
/// made, the outbox read and written to), whether or not the name or address is known, so it cannot be used to find
/// out who has an account. The link is put only in the e-mail, never in a log.
/// </summary>
public sealed class PasswordReset(FamilyTimeDbContext db, UserManager<ApplicationUser> users, PasswordResetLinks links, Notifier notifier,
    TimeProvider clock, EndSessions sessions)
{
    /// <summary>One address may be on a few accounts (User.RequireUniqueEmail is off): each gets its own link, up to this many.</summary>
    private const int MostAccountsPerAddress = 5;

    /// <summary>The page's and the API's one answer, whatever was typed.</summary>
    public const string Answer = "If the user name or e-mail address belongs to an account with an e-mail address, we have sent a link to set a new password. It works once, within 1 hour.";

    public async Task RequestAsync(string nameOrEmail, string linkBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nameOrEmail);
        var typed = nameOrEmail.Trim();
        var name = users.NormalizeName(typed);
        var email = users.NormalizeEmail(typed);
        var found = await db.Users
            .Where(u => u.NormalizedUserName == name || u.NormalizedEmail == email)
            .OrderBy(u => u.NormalizedUserName == name ? 0 : 1).ThenBy(u => u.Id)
            .Take(MostAccountsPerAddress)
            .ToListAsync(ct);
        // A user name matched is that one account; otherwise every account with the address.
        var accounts = found.Any(u => u.NormalizedUserName == name) ? found.Take(1) : found;
        var sent = false;
        foreach (var user in accounts.Where(u => u.SuspendedAt is null && !string.IsNullOrWhiteSpace(u.Email) && u.PasswordHash is not null))
        {
            var code = await links.IssueAsync(user);
            var link = $"{linkBase.TrimEnd('/')}/Account/ResetPassword?code={Uri.EscapeDataString(code)}";
            sent |= await notifier.EmailStaffAsync($"password-reset:{user.Id}:{clock.GetUtcNow().UtcTicks}", user.Email!, user.DisplayName,
                "Set a new Family time password",
                $"Dear {user.DisplayName},\n\nSomeone asked to set a new password for your Family time account (user name {user.UserName}).\n\n"
                + $"Choose a new password here. The link works once, within 1 hour:\n{link}\n\n"
                + "If this was not you, you can ignore this e-mail: your password has not changed.", ct);
        }
        if (sent)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        // Nobody to write to: the same kind of work as writing, so the answer takes about as long.
        links.IssueForNobody();
        var nobody = $"password-reset:{Guid.NewGuid()}";
        _ = await db.Outbox.AnyAsync(m => m.Key == nobody, ct);
    }

    /// <summary>Sets the new password from a link that holds; what is wrong, by field, otherwise (empty when done).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ResetAsync(ApplicationUser user, string? password, string? confirm)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(password))
        {
            errors[PasswordChange.NewField] = ["Enter a new password"];
            return errors;
        }
        if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            errors[PasswordChange.ConfirmField] = ["The two passwords are not the same: type the same password twice"];
            return errors;
        }
        // The link was checked by PasswordResetLinks; Identity's own reset token, made and used at once, sets the
        // password under its rules and renews the stamp (which is what makes the link single-use).
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            errors[PasswordChange.NewField] = [.. result.Errors.Select(e => PasswordWords.Describe(e, users.Options.Password) ?? e.Description).Distinct()];
            return errors;
        }
        await sessions.EndAllAsync(user.Id, "password reset");
        return errors;
    }
}

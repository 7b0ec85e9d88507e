using System.Security.Cryptography;
using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Invitations;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>
/// <c>familytime admin create-administrator --user-name NAME --name "FULL NAME" --email ADDRESS [--password-stdin]</c>:
/// the first administrator of a new database, who then adds everyone else from the pages or the API. Refused once an
/// active administrator exists, so the command line cannot become a way round the audited pages. Without
/// <c>--password-stdin</c> a strong password is made and printed once; either way the administrator's role makes them
/// set up an authenticator app at their first sign-in.
/// </summary>
public static class AdminCommand
{
    public const string Usage = """
        Usage: familytime admin create-administrator --user-name NAME --name "FULL NAME" --email ADDRESS [--password-stdin]
          Creates the first administrator on an empty FamilyTime database (the database is created or migrated first).
          --password-stdin  read the password from the first line of standard input; otherwise one is made and printed.
        """;

    /// <summary>Whether the process was started as the command line rather than the web service.</summary>
    public static bool Asked(string[] args) => args is ["admin", ..];

    /// <returns>The process exit code: 0 done, 1 refused, 2 wrong use.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["admin", "create-administrator", .. var rest] || Options(rest) is not { } options)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var userName = options.GetValueOrDefault("--user-name");
        var name = options.GetValueOrDefault("--name");
        var email = options.GetValueOrDefault("--email");
        var errors = StaffAccountRules.Validate(new StaffAccountDetails(userName, name, email, [Roles.Administrator], null, null), isNew: true);
        if (!errors.IsValid)
        {
            foreach (var message in errors.ByField.SelectMany(e => e.Value))
            {
                await error.WriteLineAsync(message);
            }
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var existing = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (existing.FirstOrDefault(u => u.SuspendedAt is null) is { } admin)
        {
            await error.WriteLineAsync($"There is already an administrator ({admin.UserName}). They add more staff, administrators too, at /Admin/Users.");
            return 1;
        }
        if (await users.FindByNameAsync(userName!.Trim()) is not null)
        {
            await error.WriteLineAsync($"The user name {userName.Trim()} is taken. Choose another.");
            return 1;
        }
        var made = !options.ContainsKey("--password-stdin");
        var password = made ? MakePassword() : (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password was given on standard input.");
            return 2;
        }
        var user = new ApplicationUser { UserName = userName.Trim(), DisplayName = name!.Trim(), Email = email!.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                await error.WriteLineAsync(Account.PasswordWords.Describe(e, users.Options.Password) ?? e.Description);
            }
            return 1;
        }
        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            await error.WriteLineAsync(string.Join("; ", role.Errors.Select(e => e.Description)));
            return 1;
        }
        // The audit log starts with who made the first administrator: the command line, on this machine.
        await scope.ServiceProvider.GetRequiredService<AuditedSave>().SaveAsync(user.Id, $"familytime admin ({Environment.UserName})",
            new AuditNote(AuditAction.Create, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null,
                JsonSerializer.Serialize(new { userName = user.UserName, name = user.DisplayName, roles = new[] { Roles.Administrator }, by = "command line" })), CancellationToken.None);
        var signIn = scope.ServiceProvider.GetService<PublicBase>()?.Url is { } url
            ? $"{url.ToString().TrimEnd('/')}/Account/SignIn"
            : "/Account/SignIn on the service's address (http://localhost:5080 with ./run.sh)";
        await output.WriteLineAsync($"Administrator {user.UserName} ({user.DisplayName}) created.");
        if (made)
        {
            await output.WriteLineAsync($"Password (shown once, keep it safe): {password}");
        }
        await output.WriteLineAsync($"Sign in at {signIn}. You will be asked to set up an authenticator app, then add areas, teams and staff at /Admin/Teams and /Admin/Users.");
        return 0;
    }

    /// <summary>"--name value" pairs and the flag; null when something else is given.</summary>
    private static Dictionary<string, string>? Options(string[] rest)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--password-stdin":
                    options[rest[i]] = "";
                    break;
                case "--user-name" or "--name" or "--email" when i + 1 < rest.Length:
                    options[rest[i]] = rest[++i];
                    break;
                default:
                    return null;
            }
        }
        return options;
    }

    /// <summary>Twenty characters from a cryptographic source, with a capital, a small letter and a number as the rules ask.</summary>
    private static string MakePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = Enumerable.Range(0, 17).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])
            .Append(upper[RandomNumberGenerator.GetInt32(upper.Length)])
            .Append(lower[RandomNumberGenerator.GetInt32(lower.Length)])
            .Append(digits[RandomNumberGenerator.GetInt32(digits.Length)]).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyTime.IntegrationTests;

/// <summary>What the app's password hasher was asked to do: each hash it checked, in order.</summary>
public sealed class PasswordHashChecks
{
    private readonly List<string> _checked = [];

    public IReadOnlyList<string> Checked { get { lock (_checked) { return [.. _checked]; } } }

    public void Add(string hash) { lock (_checked) { _checked.Add(hash); } }
}

/// <summary>Identity's own hasher, counting: put in place of the app's to see how many hashes a sign-in checks.</summary>
public sealed class CountingPasswordHasher(PasswordHashChecks checks, IOptions<PasswordHasherOptions> options) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        checks.Add(hashedPassword);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

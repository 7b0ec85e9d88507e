namespace FamilyTime.Web.Features.Account.SingleSignOn;

/// <summary>The council's single sign-on (section <c>Authentication:Oidc</c>), read once at start-up.</summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>A PFX file holding the app registration's certificate and private key: the app proves itself with a
    /// signed assertion instead of a secret (Microsoft's advice for production).</summary>
    public string? ClientCertificatePath { get; set; }
    public string? ClientCertificatePassword { get; set; }
    public string DisplayName { get; set; } = "Council sign-in";

    /// <summary>Tenant ids (<c>tid</c>) whose people may sign in; a token from any other is refused. Only from these
    /// is an account linked by its e-mail address the first time.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>The allowed tenants without blank entries (an empty setting, as an environment variable can only give, means none).</summary>
    public IReadOnlyList<string> Tenants => [.. AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];

    /// <summary>Group object id → role: with any set, each sign-in gives the account exactly the staff roles its groups
    /// map to (and refuses one whose groups map to none).</summary>
    public Dictionary<string, string> GroupRoles { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

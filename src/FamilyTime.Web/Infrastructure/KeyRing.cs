using Microsoft.AspNetCore.DataProtection;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Where the keys that sign cookies and bearer tokens are kept, and what protects them. By default they sit in the
/// database, readable by anyone holding a copy of it, who could then forge a sign-in; a deployment protects them
/// with a certificate (<c>DataProtection:CertificatePath</c> and <c>:CertificatePassword</c>: the keys stay in the
/// database, encrypted to the certificate, so a stolen database forges nothing without the certificate's file) or
/// keeps them in a folder outside the database (<c>DataProtection:KeysFolder</c>, for a disk the database's backups
/// do not carry). A new certificate is added by naming it and keeping the old one in
/// <c>DataProtection:PreviousCertificatePaths</c> until every key made under it has expired (90 days).
/// </summary>
public static partial class KeyRing
{
    public const string Section = "DataProtection";

    public static void AddFamilyTimeKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var protection = services.AddDataProtection().SetApplicationName("FamilyTime");
        var folder = config[$"{Section}:KeysFolder"];
        if (!string.IsNullOrWhiteSpace(folder))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            protection.PersistKeysToDbContext<Data.FamilyTimeDbContext>();
        }
        var path = config[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }
        var password = config[$"{Section}:CertificatePassword"];
        if (CertificateFile.ProblemWith(path, password, $"{Section}:CertificatePath", $"{Section}:CertificatePassword") is { } problem)
        {
            // Better not to start than to start writing keys nobody can protect.
            throw new InvalidOperationException(problem);
        }
        var current = CertificateFile.Load(path, password);
        // Keys written under an earlier certificate stay readable while it is listed (same password).
        var previous = (config[$"{Section}:PreviousCertificatePaths"] ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => CertificateFile.Load(p, password));
        protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    /// <summary>Whether the keys are protected beyond the database itself: a certificate, or a folder of their own.</summary>
    public static bool IsProtected(IConfiguration config) =>
        !string.IsNullOrWhiteSpace(config[$"{Section}:CertificatePath"]) || !string.IsNullOrWhiteSpace(config[$"{Section}:KeysFolder"]);

    /// <summary>Says at start-up, outside demo mode, that a copy of the database could forge a sign-in, and what to set.</summary>
    public static void WarnIfUnprotected(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsProtected(app.Configuration) && !app.Configuration.GetValue("Demo:Enabled", false))
        {
            Unprotected(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The keys that sign cookies and tokens are kept unprotected in the database, so a copy of it could forge a sign-in: set DataProtection:CertificatePath (and CertificatePassword), or DataProtection:KeysFolder.")]
    private static partial void Unprotected(ILogger logger);
}

using FamilyTime.Data.Protection;
using Microsoft.AspNetCore.DataProtection;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Encrypts the database's sensitive columns with the service's Data Protection key ring (<see cref="KeyRing"/>), so
/// they are as safe as the keys that sign sign-ins: a copy of the database without the certificate or key folder
/// reads none of them. The protector is made at first use: the key ring is itself kept through the DbContext, and
/// nothing may reach it while the model is being built.
/// </summary>
public sealed class KeyRingFieldProtector(IDataProtectionProvider provider) : IFieldProtector
{
    /// <summary>The purpose string: a new one (v2) would make a separate set of keys, never needed for rotation.</summary>
    public const string Purpose = "FamilyTime.Fields.v1";

    private readonly Lazy<IDataProtector> _protector = new(() => provider.CreateProtector(Purpose));

    public string Protect(string plain) => _protector.Value.Protect(plain);

    public string Unprotect(string stored) => _protector.Value.Unprotect(stored);
}

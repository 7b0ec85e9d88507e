using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FamilyTime.Data.Protection;

/// <summary>
/// How an encrypted value is stored: a prefix naming the scheme, then the protector's output. A value without the
/// prefix was written before encryption was switched on and is read as it is, so old rows keep reading until
/// <see cref="PlainFieldEncryptor"/> re-saves them.
/// </summary>
public static class ProtectedField
{
    public const string Prefix = "enc1:";

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Write(IFieldProtector protector, string plain)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return Prefix + protector.Protect(plain);
    }

    public static string Read(IFieldProtector protector, string stored)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return IsProtected(stored) ? protector.Unprotect(stored[Prefix.Length..]) : stored;
    }
}

/// <summary>The EF converter for a sensitive column. Nulls never reach it (EF keeps them null), so a missing phone number stays visibly missing.</summary>
internal sealed class ProtectedFieldConverter(IFieldProtector protector) : ValueConverter<string, string>(
    plain => ProtectedField.Write(protector, plain),
    stored => ProtectedField.Read(protector, stored));

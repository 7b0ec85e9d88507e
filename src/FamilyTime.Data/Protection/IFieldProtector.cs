namespace FamilyTime.Data.Protection;

/// <summary>
/// Encrypts and decrypts the contents of one sensitive column (<see cref="SensitiveFields"/>). The application backs
/// it with ASP.NET Core Data Protection, whose key ring lives outside what a copy of the database can read.
/// </summary>
public interface IFieldProtector
{
    string Protect(string plain);

    string Unprotect(string stored);
}

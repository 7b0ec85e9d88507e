using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// A PFX file holding an app registration's certificate and its private key, by which the app proves itself to Microsoft
/// Entra ID instead of with a secret: the council's single sign-on and e-mail through Microsoft 365 read it the same way.
/// </summary>
public static class CertificateFile
{
    public static X509Certificate2 Load(string path, string? password) => X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>
    /// Why the file cannot sign the app's assertions, for start-up to say before the first message needs it, or null. The
    /// settings are named; the password never is repeated.
    /// </summary>
    public static string? ProblemWith(string path, string? password, string pathSetting, string passwordSetting)
    {
        if (!File.Exists(path))
        {
            return $"{pathSetting} names a file that does not exist: '{path}'.";
        }
        try
        {
            using var certificate = Load(path, password);
            return certificate.HasPrivateKey ? null
                : $"{pathSetting} holds a certificate without its private key: export it as a PFX with the private key.";
        }
        catch (CryptographicException)
        {
            return $"{pathSetting} could not be read as a PFX file with {passwordSetting}: check the file and the password.";
        }
    }
}

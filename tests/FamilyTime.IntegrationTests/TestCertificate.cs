using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FamilyTime.IntegrationTests;

/// <summary>An app registration's certificate for tests: self-signed, with its private key, and as the PFX file a council would give the app.</summary>
internal static class TestCertificate
{
    public static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FamilyTime test app", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
    }

    /// <summary>A new temp file holding the certificate and its key, protected by the password; the caller deletes it.</summary>
    public static string WritePfx(X509Certificate2 certificate, string password)
    {
        var path = Path.Combine(Path.GetTempPath(), $"familytime-app-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}

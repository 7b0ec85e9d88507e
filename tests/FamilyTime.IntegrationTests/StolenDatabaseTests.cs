using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A copy of the database taken from a running service, without the certificate that protects the key ring, cannot
/// read the service's sign-ins (and so cannot make one): the keys in it are encrypted to the certificate. With the
/// certificate the same copy can, which shows the test would notice keys left readable.
/// </summary>
public sealed class StolenDatabaseTests
{
    private const string Password = "key-ring-test-password";

    [Fact]
    public async Task A_copy_of_the_database_without_the_key_rings_certificate_reads_no_sign_in_of_the_service()
    {
        using var certificate = TestCertificate.SelfSigned();
        var pfx = TestCertificate.WritePfx(certificate, Password);
        var protectedKeys = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = Password };
        try
        {
            await using var service = new FamilyTimeFactory(Provider.Sqlite, settings: protectedKeys);
            var api = await service.ApiAsAsync("socialworker1");
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/children")).StatusCode);
            var token = api.DefaultRequestHeaders.Authorization!;

            var keys = await service.DbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });

            // The thief's copy, taken while the service runs, started without the certificate.
            var stolen = await CopyAsync(service);
            await using (var thief = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: stolen))
            {
                var answer = await WithToken(thief, token).GetAsync("/api/v1/children");
                Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            }

            // The council restoring a backup has the certificate: the same copy reads the same token.
            var restored = await CopyAsync(service);
            await using (var council = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: restored, settings: protectedKeys))
            {
                Assert.Equal(HttpStatusCode.OK, (await WithToken(council, token).GetAsync("/api/v1/children")).StatusCode);
            }
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_new_certificate_with_the_old_one_listed_as_previous_keeps_every_sign_in_and_without_it_ends_them()
    {
        using var oldCertificate = TestCertificate.SelfSigned();
        using var newCertificate = TestCertificate.SelfSigned();
        var oldPfx = TestCertificate.WritePfx(oldCertificate, Password);
        var newPfx = TestCertificate.WritePfx(newCertificate, Password);
        try
        {
            await using var service = new FamilyTimeFactory(Provider.Sqlite,
                settings: new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = oldPfx, ["DataProtection:CertificatePassword"] = Password });
            var token = (await service.ApiAsAsync("socialworker1")).DefaultRequestHeaders.Authorization!;

            // Rotated: the new certificate, the old one kept readable.
            await using (var rotated = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: await CopyAsync(service), settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = newPfx,
                ["DataProtection:CertificatePassword"] = Password,
                ["DataProtection:PreviousCertificatePaths"] = oldPfx,
            }))
            {
                Assert.Equal(HttpStatusCode.OK, (await WithToken(rotated, token).GetAsync("/api/v1/children")).StatusCode);
            }

            // The old certificate dropped too soon: its keys can no longer be read, so its sign-ins end.
            await using (var dropped = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: await CopyAsync(service), settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = newPfx,
                ["DataProtection:CertificatePassword"] = Password,
            }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(dropped, token).GetAsync("/api/v1/children")).StatusCode);
            }
        }
        finally
        {
            File.Delete(oldPfx);
            File.Delete(newPfx);
        }
    }

    private static HttpClient WithToken(FamilyTimeFactory app, AuthenticationHeaderValue token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = token;
        return client;
    }

    /// <summary>SQLite's online backup of the running service's database into a new file.</summary>
    private static async Task<string> CopyAsync(FamilyTimeFactory service)
    {
        var copy = FamilyTimeFactory.NewSqliteFile();
        await service.DbAsync(async db =>
        {
            var source = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var target = new SqliteConnection($"Data Source={copy}");
            await target.OpenAsync();
            source.BackupDatabase(target);
            return 0;
        });
        return copy;
    }
}

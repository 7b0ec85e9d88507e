using System.Net;
using System.Text;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Data.Protection;
using FamilyTime.Domain.Children;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A copy of the SQLite database taken from the running service shows no home address, postcode, family contact
/// details, record text or authenticator key (they are encrypted with the key ring, protected by a certificate the
/// copy does not carry), while the service, and a restore with the certificate, reads them all back.
/// </summary>
public sealed class StolenDatabaseFieldTests
{
    private const string Password = "field-test-password";

    [Fact]
    public async Task A_copy_of_the_running_services_database_shows_no_address_contact_details_record_text_or_authenticator_key()
    {
        using var certificate = TestCertificate.SelfSigned();
        var pfx = TestCertificate.WritePfx(certificate, Password);
        var keyRing = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = Password };
        try
        {
            await using var service = new FamilyTimeFactory(Provider.Sqlite, settings: keyRing, fieldKeysFromKeyRing: true);
            var secrets = await FieldSecrets.PlantAsync(service);

            var copy = await CopyAsync(service);
            var bytes = await File.ReadAllBytesAsync(copy);
            foreach (var secret in secrets.All)
            {
                Assert.False(Holds(bytes, secret, Encoding.UTF8), $"the copy holds \"{secret}\" (UTF-8)");
                Assert.False(Holds(bytes, secret, Encoding.Unicode), $"the copy holds \"{secret}\" (UTF-16)");
            }
            // The search itself works: what stays plain (the child's name) is found.
            Assert.True(Holds(bytes, secrets.ChildFirstName, Encoding.UTF8));

            // The service reads them all back, on its pages and through its API.
            await secrets.AssertReadAsync(service);

            // A restore with the certificate reads the same copy.
            await using var council = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: copy, settings: keyRing, fieldKeysFromKeyRing: true);
            await secrets.AssertReadAsync(council);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static bool Holds(byte[] haystack, string needle, Encoding encoding) =>
        haystack.AsSpan().IndexOf(encoding.GetBytes(needle)) >= 0;

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

/// <summary>
/// Distinctive values written through the app into every kind of sensitive column of one of socialworker1's
/// children: the carers' address and postcode, a family member's address, phone and e-mail, a record's text, and
/// socialworker1's authenticator key.
/// </summary>
internal sealed record FieldSecrets(Guid ChildId, string ChildFirstName, Guid PersonId, Guid SessionId, string HomeAddress, string Postcode,
    string PersonAddress, string Phone, string Email, string Concerns, string AuthenticatorKey)
{
    public IEnumerable<string> All => [HomeAddress, Postcode, PersonAddress, Phone, Email, Concerns, AuthenticatorKey];

    public static async Task<FieldSecrets> PlantAsync(FamilyTimeFactory app)
    {
        var worker = await app.UserIdAsync("socialworker1");
        var secrets = await app.DbAsync(async db =>
        {
            var record = await db.ContactRecords.Where(r => r.SocialWorkerId == worker
                    && db.Placements.Any(p => p.ChildId == r.ChildId && p.EndDate == null && p.CarerHouseholdId != null)
                    && db.SignificantPeople.Any(p => p.ChildId == r.ChildId))
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.ChildId, r.SessionId }).FirstAsync();
            var child = await db.Children.Where(c => c.Id == record.ChildId).Select(c => c.FirstName).SingleAsync();
            var householdId = await db.Placements.Where(p => p.ChildId == record.ChildId && p.EndDate == null).Select(p => p.CarerHouseholdId).FirstAsync();
            var household = await db.CarerHouseholds.SingleAsync(h => h.Id == householdId);
            var person = await db.SignificantPeople.Where(p => p.ChildId == record.ChildId).OrderBy(p => p.Id).FirstAsync();
            var version = await db.RecordVersions.Where(v => v.RecordId == record.Id).OrderByDescending(v => v.Number).FirstAsync();
            var s = new FieldSecrets(record.ChildId, child, person.Id, record.SessionId,
                "17 Quillfeather Mews, Scarrowby", "QX9 7ZZ", "4 Wrenthorpe Yard, Dunmallow", "07700 913462", "marigold.pennyfeather@example.net",
                "Zebedee seemed unsettled when Mum left", "");
            db.Entry(household).Property(h => h.Address).CurrentValue = s.HomeAddress;
            db.Entry(household).Property(h => h.Postcode).CurrentValue = s.Postcode;
            db.Entry(person).Property(p => p.Address).CurrentValue = s.PersonAddress;
            db.Entry(person).Property(p => p.Phone).CurrentValue = s.Phone;
            db.Entry(person).Property(p => p.Email).CurrentValue = s.Email;
            db.Entry(version).Property(v => v.Concerns).CurrentValue = s.Concerns;
            await db.SaveChangesAsync();
            return s;
        });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync("socialworker1"))!;
        await users.ResetAuthenticatorKeyAsync(user);
        return secrets with { AuthenticatorKey = (await users.GetAuthenticatorKeyAsync(user))! };
    }

    /// <summary>The child's page shows the home and the family member's details; the record API the record's text; Identity the key.</summary>
    public async Task AssertReadAsync(FamilyTimeFactory app)
    {
        var page = await (await app.PagesAsAsync("socialworker1")).GetAsync($"/Children/{ChildId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        foreach (var shown in new[] { HomeAddress, Postcode, PersonAddress, Phone, Email })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }
        var api = await app.ApiAsAsync("socialworker1");
        var record = await api.GetStringAsync($"/api/v1/children/{ChildId}/sessions/{SessionId}/record");
        Assert.Contains(Concerns, record, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(AuthenticatorKey, await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync("socialworker1"))!));
    }
}

/// <summary>Values stored plain before encryption was switched on keep reading, and are encrypted at the next start.</summary>
public abstract class PlainFieldEncryptionTests(Provider provider)
{
    [Fact]
    public async Task A_phone_number_stored_plain_reads_as_it_is_and_is_encrypted_at_the_next_start()
    {
        var app = new FamilyTimeFactory(provider);
        try
        {
            var personId = await app.DbAsync(db => db.SignificantPeople.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            const string plain = "07700 900461";
            await app.DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"SignificantPeople\" SET \"Phone\" = {plain} WHERE \"Id\" = {personId}"));
            Assert.Equal(plain, await StoredAsync(app, personId));
            Assert.Equal(plain, await app.DbAsync(db => db.SignificantPeople.Where(p => p.Id == personId).Select(p => p.Phone).SingleAsync()));

            app = app.Restart();

            var stored = await StoredAsync(app, personId);
            Assert.StartsWith(ProtectedField.Prefix, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(plain, stored, StringComparison.Ordinal);
            Assert.Equal(plain, await app.DbAsync(db => db.SignificantPeople.Where(p => p.Id == personId).Select(p => p.Phone).SingleAsync()));
            // Nothing left plain in any sensitive column; a second pass has nothing to do.
            Assert.Equal(0, await app.DbAsync(db => PlainFieldEncryptor.EncryptPlainValuesAsync(db, FamilyTimeFactory.SharedFieldProtector)));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_sensitive_column_of_the_demo_service_is_stored_encrypted()
    {
        await using var app = new FamilyTimeFactory(provider);
        var phones = await app.DbAsync(db => db.Database.SqlQuery<string>($"SELECT \"Phone\" AS \"Value\" FROM \"SignificantPeople\" WHERE \"Phone\" IS NOT NULL").ToListAsync());
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.StartsWith(ProtectedField.Prefix, p, StringComparison.Ordinal));
        var concerns = await app.DbAsync(db => db.Database.SqlQuery<string>($"SELECT \"Interaction\" AS \"Value\" FROM \"RecordVersions\" WHERE \"Interaction\" IS NOT NULL").ToListAsync());
        Assert.NotEmpty(concerns);
        Assert.All(concerns, p => Assert.StartsWith(ProtectedField.Prefix, p, StringComparison.Ordinal));
    }

    private static Task<string> StoredAsync(FamilyTimeFactory app, Guid personId) =>
        app.DbAsync(db => db.Database.SqlQuery<string>($"SELECT \"Phone\" AS \"Value\" FROM \"SignificantPeople\" WHERE \"Id\" = {personId}").SingleAsync());
}

public sealed class PlainFieldEncryptionTestsOnSqlite() : PlainFieldEncryptionTests(Provider.Sqlite);

public sealed class PlainFieldEncryptionTestsOnPostgres() : PlainFieldEncryptionTests(Provider.Postgres);

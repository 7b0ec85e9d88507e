using FamilyTime.Data.Protection;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Rotating the Data Protection key (a new key becomes the default, as every 90 days) re-keys new writes of the
/// sensitive columns, and what was written under the old key still reads while that key is in the ring.
/// </summary>
public sealed class FieldKeyRotationTests
{
    [Fact]
    public void A_value_written_under_the_old_key_still_reads_after_a_new_key_becomes_the_default()
    {
        var folder = Directory.CreateTempSubdirectory("familytime-keys-");
        try
        {
            using var services = KeyRing(folder);
            var keys = services.GetRequiredService<IKeyManager>();
            // Dates well before the app's own, so each key is active whatever clock Data Protection reads; the later activation is the default.
            var start = FamilyTimeFactory.DefaultStart;
            var oldKey = keys.CreateNewKey(start.AddDays(-30), start.AddDays(200));
            var protector = new KeyRingFieldProtector(services.GetRequiredService<IDataProtectionProvider>());

            var before = ProtectedField.Write(protector, "12 Old Key Road");
            Assert.Equal(oldKey.KeyId, KeyOf(before));

            var newKey = keys.CreateNewKey(start.AddDays(-10), start.AddDays(200));
            // The service as it next reads its key ring (it caches the ring for a while).
            using var rotated = KeyRing(folder);
            protector = new KeyRingFieldProtector(rotated.GetRequiredService<IDataProtectionProvider>());
            var after = ProtectedField.Write(protector, "34 New Key Lane");

            Assert.Equal(newKey.KeyId, KeyOf(after));
            Assert.Equal("12 Old Key Road", ProtectedField.Read(protector, before));
            Assert.Equal("34 New Key Lane", ProtectedField.Read(protector, after));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider KeyRing(DirectoryInfo folder) =>
        new ServiceCollection().AddDataProtection().SetApplicationName("FamilyTime")
            .PersistKeysToFileSystem(folder).DisableAutomaticKeyGeneration().Services.BuildServiceProvider();

    /// <summary>The key a Data Protection payload was written under: after a 4-byte magic header, the key's id.</summary>
    private static Guid KeyOf(string stored) => new(Base64UrlTextEncoder.Decode(stored[ProtectedField.Prefix.Length..]).AsSpan(4, 16));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// What a backup held when it was taken, written beside it as <c>&lt;backup&gt;.manifest.json</c>: each table's rows and
/// a SHA-256 over them in primary-key order, a SHA-256 over the schema, the last migration applied and when it was
/// taken. A restore checks the backup and then the restored database against it, so a damaged or changed copy is
/// found before it replaces anything.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset TakenAt,
    string Database,
    string? LastMigration,
    string SchemaSha256,
    IReadOnlyList<TableChecksum> Tables)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>Where the manifest of a backup file lives.</summary>
    public static string PathFor(string backupFile) => backupFile + ".manifest.json";

    public async Task WriteAsync(string path)
    {
        // Written whole to a side file and moved into place, so a manifest is never half there.
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(this, Json));
        File.Move(partial, path, overwrite: true);
    }

    /// <returns>The manifest, or null when the file is not one.</returns>
    public static async Task<BackupManifest?> ReadAsync(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path), Json);
            return manifest is { Format: CurrentFormat, Tables: not null, SchemaSha256: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One table of a <see cref="BackupManifest"/>.</summary>
public sealed record TableChecksum(string Name, long Rows, [property: JsonPropertyName("sha256")] string Sha256);

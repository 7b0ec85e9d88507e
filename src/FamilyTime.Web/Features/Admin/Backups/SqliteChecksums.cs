using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// Row counts and SHA-256 checksums of a SQLite database, table by table, for a backup's manifest and for checking a
/// backup or a restored database against one. Rows are read in primary-key order (rowid for a table without one), so
/// the same data gives the same checksum whatever order pages lie in the file.
/// </summary>
public static class SqliteChecksums
{
    /// <summary>A connection to a backup or restored file: never pooled, so no handle outlives the command.</summary>
    public static SqliteConnection Open(string file, bool readOnly) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ConnectionString);

    /// <returns>"ok", or SQLite's first complaint about the file.</returns>
    public static async Task<string> IntegrityCheckAsync(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "no answer";
    }

    /// <summary>Every migration the database records as applied, oldest first (none when it has no history table).</summary>
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!(await TableNamesAsync(connection)).Contains("__EFMigrationsHistory"))
        {
            return [];
        }
        var ids = new List<string>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\";";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>A SHA-256 over the schema (every table, index, trigger and view as SQLite keeps its SQL).</summary>
    public static async Task<string> SchemaSha256Async(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name;";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            AppendRow(hash, reader);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Each table's rows and checksum, by name.</summary>
    public static async Task<IReadOnlyList<TableChecksum>> TablesAsync(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<TableChecksum>();
        foreach (var table in await TableNamesAsync(connection))
        {
            var order = await PrimaryKeyAsync(connection, table) is { Count: > 0 } key ? string.Join(", ", key.Select(Quote)) : "rowid";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {Quote(table)} ORDER BY {order};";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                AppendRow(hash, reader);
                rows++;
            }
            tables.Add(new TableChecksum(table, rows, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }
        return tables;
    }

    private static async Task<List<string>> TableNamesAsync(SqliteConnection connection)
    {
        var names = new List<string>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<List<string>> PrimaryKeyAsync(SqliteConnection connection, string table)
    {
        var key = new List<(long Position, string Name)>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({Quote(table)});";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var position = reader.GetInt64(reader.GetOrdinal("pk"));
            if (position > 0)
            {
                key.Add((position, reader.GetString(reader.GetOrdinal("name"))));
            }
        }
        return key.OrderBy(k => k.Position).Select(k => k.Name).ToList();
    }

    /// <summary>Each value with its storage class and length, so that no two different rows hash alike
    /// (NULL against an empty text, 1 against "1", ("ab","c") against ("a","bc")).</summary>
    private static void AppendRow(IncrementalHash hash, SqliteDataReader reader)
    {
        Span<byte> eight = stackalloc byte[8];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.IsDBNull(i))
            {
                hash.AppendData([0]);
                continue;
            }
            switch (reader.GetFieldType(i).Name)
            {
                case nameof(Int64):
                    hash.AppendData([1]);
                    BinaryPrimitives.WriteInt64LittleEndian(eight, reader.GetInt64(i));
                    hash.AppendData(eight);
                    break;
                case nameof(Double):
                    hash.AppendData([2]);
                    BinaryPrimitives.WriteDoubleLittleEndian(eight, reader.GetDouble(i));
                    hash.AppendData(eight);
                    break;
                case nameof(String):
                    AppendBytes(hash, 3, Encoding.UTF8.GetBytes(reader.GetString(i)));
                    break;
                default:
                    AppendBytes(hash, 4, (byte[])reader.GetValue(i));
                    break;
            }
        }
        hash.AppendData([0xFF]);
    }

    private static void AppendBytes(IncrementalHash hash, byte kind, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        hash.AppendData([kind]);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

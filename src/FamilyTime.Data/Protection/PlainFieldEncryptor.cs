using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FamilyTime.Data.Protection;

/// <summary>
/// Encrypts sensitive values still stored plain: rows written before encryption was switched on, or restored from an
/// old backup. Works column by column in SQL, in batches, touching only values without the
/// <see cref="ProtectedField.Prefix"/>, so it neither loads nor changes anything else (no version bumps, no audit),
/// costs one small query per column when there is nothing to do, and runs at every start-up. Values already encrypted
/// under an older key are left as they are: they read while that key is in the ring.
/// </summary>
public static class PlainFieldEncryptor
{
    public const int BatchSize = 500;

    /// <summary>How many values were encrypted.</summary>
    public static async Task<int> EncryptPlainValuesAsync(FamilyTimeDbContext db, IFieldProtector protector, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protector);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = 0;
            foreach (var property in SensitiveFields.Properties(db.Model))
            {
                total += await EncryptColumnAsync(connection, property, protector, ct);
            }
            return total;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> EncryptColumnAsync(DbConnection connection, IProperty property, IFieldProtector protector, CancellationToken ct)
    {
        var entity = property.DeclaringType.ContainingEntityType;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = Quote(property.GetColumnName(table)!);
        var keys = entity.FindPrimaryKey()!.Properties.Select(k => Quote(k.GetColumnName(table)!)).ToList();
        var from = (table.Schema is null ? "" : Quote(table.Schema) + ".") + Quote(table.Name);
        // LIKE's '_' would match any character; the prefix has none. Ciphertext never starts without it.
        var select = $"SELECT {string.Join(", ", keys)}, {column} FROM {from} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{ProtectedField.Prefix}%' LIMIT {BatchSize}";
        var update = $"UPDATE {from} SET {column} = @value WHERE {string.Join(" AND ", keys.Select((k, i) => $"{k} = @k{i}"))}";
        var done = 0;
        while (true)
        {
            var batch = new List<(object[] Key, string Plain)>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = select;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var key = new object[keys.Count];
                    for (var i = 0; i < keys.Count; i++)
                    {
                        key[i] = reader.GetValue(i);
                    }
                    batch.Add((key, reader.GetString(keys.Count)));
                }
            }
            if (batch.Count == 0)
            {
                return done;
            }
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var (key, plain) in batch)
            {
                await using var write = connection.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = update;
                Add(write, "@value", ProtectedField.Write(protector, plain));
                for (var i = 0; i < key.Length; i++)
                {
                    Add(write, $"@k{i}", key[i]);
                }
                await write.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            done += batch.Count;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

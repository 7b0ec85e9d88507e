using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyTime.Data.Configuration;

/// <summary>
/// A small list of value records kept in one text column as JSON (a venue's opening hours, a worker's pattern): read
/// and written whole, never queried inside, so a table of its own would only add joins. The comparer lets EF see an
/// edit made in place.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> AsJson<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => Read<T>(v),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!))
        .HasMaxLength(4000);

    // An empty column (a row from before the list existed) reads as an empty list, never as an error.
    private static List<T> Read<T>(string v) => string.IsNullOrWhiteSpace(v) ? [] : JsonSerializer.Deserialize<List<T>>(v, Options) ?? [];
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// A worker's languages (<see cref="Model.RotaWorker.Languages"/>) read back as a case-insensitive set, as the web app
/// and the generator build them: "Polish" and "polish" are one language on both sides of the trip.
/// </summary>
internal sealed class LanguageSetConverter : JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = JsonSerializer.Deserialize<string[]>(ref reader, options)
            ?? throw new JsonException("A set of languages was empty (null).");
        return new HashSet<string>(items, StringComparer.OrdinalIgnoreCase);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        // In a fixed order, so the same problem always reads the same.
        foreach (var item in value.Order(StringComparer.Ordinal)) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}

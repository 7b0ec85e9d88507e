using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// How a proposed arrangement is kept on its proposal until it takes effect. The details' sets (days, factors) are
/// read-only interfaces the serializer cannot fill by itself, so they are read back as hash sets.
/// </summary>
public static class ProposedDetailsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new ReadOnlySetConverter<DayOfWeek>(), new ReadOnlySetConverter<Domain.Records.DifficultFamilyTimeFactor>() },
    };

    public static string Write(ArrangementDetails details) => JsonSerializer.Serialize(details, Options);

    public static ArrangementDetails Read(string json) =>
        JsonSerializer.Deserialize<ArrangementDetails>(json, Options) ?? throw new JsonException("The proposed arrangement is empty.");

    private sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<HashSet<T>>(ref reader, options) ?? [];

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// A <see cref="TravelMatrix"/> as <c>{"places": [...], "minutes": [[...], ...]}</c>: System.Text.Json does not write
/// multi-dimensional arrays, so the square <c>int[,]</c> travels as its rows.
/// </summary>
internal sealed class TravelMatrixConverter : JsonConverter<TravelMatrix>
{
    private sealed record Shape(IReadOnlyList<string> Places, int[][] Minutes);

    public override TravelMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<Shape>(ref reader, options)
            ?? throw new JsonException("The travel matrix was empty (null).");
        var n = shape.Places.Count;
        if (shape.Minutes.Length != n || shape.Minutes.Any(row => row is null || row.Length != n))
        {
            throw new JsonException($"The travel matrix must be {n} rows of {n} minutes, one per place.");
        }
        var minutes = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) minutes[i, j] = shape.Minutes[i][j];
        }
        return new TravelMatrix(shape.Places, minutes);
    }

    public override void Write(Utf8JsonWriter writer, TravelMatrix value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var rows = value.Minutes.GetLength(0);
        var cols = value.Minutes.GetLength(1);
        var minutes = new int[rows][];
        for (var i = 0; i < rows; i++)
        {
            minutes[i] = new int[cols];
            for (var j = 0; j < cols; j++) minutes[i][j] = value.Minutes[i, j];
        }
        JsonSerializer.Serialize(writer, new Shape(value.Places, minutes), options);
    }
}

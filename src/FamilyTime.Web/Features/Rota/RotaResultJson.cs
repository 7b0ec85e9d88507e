using System.Text.Json;

namespace FamilyTime.Web.Features.Rota;

/// <summary>How a run's result is written to and read from its JSON column.</summary>
public static class RotaResultJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(RotaRunResult result) => JsonSerializer.Serialize(result, Options);

    public static RotaRunResult? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<RotaRunResult>(json, Options);
}

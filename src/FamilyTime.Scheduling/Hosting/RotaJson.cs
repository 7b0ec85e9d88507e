using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// The rota's problem, progress and plan as JSON: what <see cref="ProcessRotaSolver"/> and the solver host
/// (<c>FamilyTime.Scheduling.Host</c>) send each other, so both sides read and write them the same way. Each value is
/// written on one line (no indentation), because the host's protocol is one line per message.
/// </summary>
/// <remarks>
/// Reflection-based options with converters rather than source generation: the travel matrix (<c>int[,]</c>) and the
/// case-insensitive language sets need converters either way, and the one-off cost of reflection is small beside a solve.
/// </remarks>
public static class RotaJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Write(RotaProblem problem) => JsonSerializer.Serialize(problem, Options);

    public static string Write(RotaPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static string Write(RotaProgress progress) => JsonSerializer.Serialize(progress, Options);

    /// <summary>Reads a problem; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static RotaProblem ReadProblem(string json) =>
        Complete(JsonSerializer.Deserialize<RotaProblem>(json, Options), "problem");

    /// <summary>Reads a plan; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static RotaPlan ReadPlan(string json) =>
        Complete(JsonSerializer.Deserialize<RotaPlan>(json, Options), "plan");

    /// <summary>Reads a progress report; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static RotaProgress ReadProgress(string json) =>
        Complete(JsonSerializer.Deserialize<RotaProgress>(json, Options), "progress report");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            // A missing list or record would only fail later, far from its cause: refuse it while reading.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Figures such as a rate of 0 out of 0 must survive the trip rather than stop it.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new TravelMatrixConverter());
        options.Converters.Add(new LanguageSetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static T Complete<T>(T? value, string what) where T : class =>
        value ?? throw new JsonException($"The {what} was empty (null).");
}

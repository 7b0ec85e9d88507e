using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyTime.Web.Api.Input;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// Every JSON request body the API takes: the records the endpoint handlers (the *Endpoints classes) are given
/// (named ...Request or ...Body, and the Notify receipt),
/// found by reflection so a new endpoint's body is fuzzed without a change here. The first byte picks the body type;
/// the rest is read as the API reads it (Startup's JSON options), then checked by <see cref="SafeInputFilter"/>'s own
/// walk. Refusal allowed: <see cref="JsonException"/> (the app answers 400 with problem details).
/// </summary>
internal static class JsonBodies
{
    // Startup.ConfigureHttpJsonOptions: the web defaults, enums by name, numbers only as numbers.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly MethodInfo Check = typeof(SafeInputFilter).GetMethod("Check", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("SafeInputFilter.Check has moved: update the json-bodies target.");

    public static IReadOnlyList<Type> Bodies { get; } = FindBodies();

    public static void Run(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }
        var type = Bodies[data[0] % Bodies.Count];
        object? body;
        try
        {
            body = JsonSerializer.Deserialize(data.AsSpan(1), type, Options);
        }
        catch (JsonException)
        {
            return;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            Check.Invoke(null, [body, "", errors, 0]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
    }

    /// <summary>One seed per body: its selector byte and the record with every field present (nulls and zeros).</summary>
    public static void WriteSeeds(string dir)
    {
        Directory.CreateDirectory(dir);
        for (var i = 0; i < Bodies.Count; i++)
        {
            var type = Bodies[i];
            var json = JsonSerializer.SerializeToUtf8Bytes(RuntimeHelpers.GetUninitializedObject(type), type, Options);
            File.WriteAllBytes(Path.Combine(dir, $"{type.Name}.json"), [(byte)i, .. json]);
        }
    }

    private static List<Type> FindBodies()
    {
        var web = typeof(SafeInputFilter).Assembly;
        var found = web.GetTypes()
            .Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => ElementOf(p.ParameterType))
            .Where(IsRequestRecord)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (found.Count is 0 or > 256)
        {
            throw new InvalidOperationException($"Found {found.Count} request bodies: one selector byte picks among at most 256.");
        }
        return found;
    }

    private static Type ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()! : type.IsGenericType && type.GetGenericArguments() is [var single] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? single : type;

    // A record the service declares, read from the body: not one that binds itself (BindAsync) from the route, and not
    // one a handler's helper takes (a page read for its DTO): bodies are named ...Request, ...Body or NotifyReceipt.
    private static bool IsRequestRecord(Type t) =>
        (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Body", StringComparison.Ordinal) || t.Name == "NotifyReceipt")
        && !t.ContainsGenericParameters && t.Namespace?.StartsWith("FamilyTime.", StringComparison.Ordinal) == true
        && t.GetMethod("<Clone>$") is not null
        && t.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null;
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FamilyTime.IntegrationTests.Contract;

/// <summary>
/// Writes C# that calls every operation of the document through a Kiota client, each answer assigned to the type the
/// document promises. If Kiota typed an answer otherwise (a Stream for an answer without a schema), the call does not
/// compile, so "it compiles" means "every answer is typed as documented".
/// </summary>
internal static class KiotaCalls
{
    public const string Namespace = "FamilyTime.Client";
    public const string ClientClass = "FamilyTimeApiClient";
    private const string Models = "global::" + Namespace + ".Models.";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>Kiota answers with the first of these that has a body.</summary>
    private static readonly string[] SuccessCodes = ["200", "201", "202", "203", "206", "2XX"];

    /// <summary>What an answer that is a file (a letter, a receipt, a calendar) may be; Kiota hands these over as a Stream.</summary>
    public static readonly string[] FileTypes = ["application/pdf", "text/calendar", "image/png", "image/jpeg", "image/heic", "image/webp", "application/octet-stream", "text/csv"];

    public sealed record Call(string Method, string Path, string? Answer, string Code);

    public static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement doc) =>
        from path in doc.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (method.Name, path.Name, method.Value);

    public static IReadOnlyList<Call> Calls(JsonElement doc) =>
        Operations(doc).Select(o => CallOf(o.Method, o.Path, o.Operation)).ToList();

    public static string Source(IEnumerable<Call> calls)
    {
        var text = new StringBuilder()
            .AppendLine("#nullable enable")
            .AppendLine("namespace FamilyTime.Client.Check;")
            .AppendLine("public static class EveryOperation")
            .AppendLine("{")
            .AppendLine(CultureInfo.InvariantCulture, $"    public static async global::System.Threading.Tasks.Task CallAsync(global::{Namespace}.{ClientClass} client)")
            .AppendLine("    {");
        foreach (var call in calls)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"        // {call.Method.ToUpperInvariant()} {call.Path}").AppendLine("        {").AppendLine(CultureInfo.InvariantCulture, $"            {call.Code}").AppendLine("        }");
        }
        return text.AppendLine("    }").AppendLine("}").ToString();
    }

    /// <summary>The success answer's C# type as Kiota should make it; null for an operation that answers 204 and no body.</summary>
    public static string? AnswerType(JsonElement operation)
    {
        var responses = operation.GetProperty("responses");
        foreach (var code in SuccessCodes)
        {
            if (!responses.TryGetProperty(code, out var response) || !response.TryGetProperty("content", out var content))
            {
                continue;
            }
            if (content.TryGetProperty("application/json", out var json))
            {
                return json.TryGetProperty("schema", out var schema)
                    ? TypeOf(schema)
                    : throw new InvalidOperationException($"its {code} answer is JSON without a schema");
            }
            if (content.EnumerateObject().Any(c => FileTypes.Contains(c.Name)))
            {
                return "global::System.IO.Stream";
            }
            throw new InvalidOperationException($"its {code} answer is {string.Join(", ", content.EnumerateObject().Select(c => c.Name))}, neither JSON nor a file");
        }
        return responses.EnumerateObject().Any(r => r.Name == "204")
            ? null
            : throw new InvalidOperationException("it documents no success answer");
    }

    private static Call CallOf(string method, string path, JsonElement operation)
    {
        string? answer;
        try
        {
            answer = AnswerType(operation);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{method.ToUpperInvariant()} {path}: {e.Message}", e);
        }
        var target = new StringBuilder("client");
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{'))
            {
                target.Append(IsUuidParameter(operation, segment.Trim('{', '}')) ? "[global::System.Guid.Empty]" : "[\"x\"]");
            }
            else
            {
                target.Append('.').Append(Pascal(segment));
            }
        }
        var body = RequestBody(method, path, operation);
        var invoke = $"await {target}.{Pascal(method)}Async({body});";
        return new Call(method, path, answer, answer is null ? invoke : $"{answer}? answer = {invoke}");
    }

    private static string RequestBody(string method, string path, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
        {
            return "";
        }
        var content = body.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json))
        {
            return $"new {TypeOf(json.GetProperty("schema"))}()";
        }
        if (content.TryGetProperty("multipart/form-data", out _))
        {
            // An upload's form is described inline, so Kiota names its class after the address and the method.
            return $"new {InlineBodyClass(method, path)}()";
        }
        throw new InvalidOperationException("a request body that is " + string.Join(", ", content.EnumerateObject().Select(c => c.Name)));
    }

    /// <summary>Kiota's class for an inline request body: the address's namespace (a parameter is "Item"), then the last part and the method.</summary>
    private static string InlineBodyClass(string method, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.StartsWith('{') ? "Item" : Pascal(p)).ToList();
        return $"global::{Namespace}.{string.Join('.', parts)}.{parts[^1]}{Pascal(method)}RequestBody";
    }

    private static bool IsUuidParameter(JsonElement operation, string name) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == name
            && p.GetProperty("schema").TryGetProperty("format", out var format) && format.GetString() == "uuid");

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Models + Pascal(reference.GetString()!.Split('/')[^1]);
        }
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var notNull = oneOf.EnumerateArray().Where(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
            return notNull.Count == 1 ? TypeOf(notNull[0]) : throw new InvalidOperationException("an answer that is one of several types");
        }
        var type = schema.TryGetProperty("type", out var t2)
            ? t2.ValueKind == JsonValueKind.Array ? t2.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t2.GetString()
            : throw new InvalidOperationException("a schema without a type: " + schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (type, format) switch
        {
            ("array", _) => $"global::System.Collections.Generic.List<{TypeOf(schema.GetProperty("items"))}>",
            ("string", "uuid") => "global::System.Guid",
            ("string", "date-time") => "global::System.DateTimeOffset",
            ("string", "date") => "global::Microsoft.Kiota.Abstractions.Date",
            ("string", _) => "string",
            ("integer", "int64") => "long",
            ("integer", _) => "int",
            ("boolean", _) => "bool",
            ("number", _) => "double",
            _ => throw new InvalidOperationException($"an answer of type {type}"),
        };
    }

    /// <summary>As Kiota names a path segment or a model: letters and digits, each word capitalised.</summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            upper = false;
        }
        return text.ToString();
    }
}

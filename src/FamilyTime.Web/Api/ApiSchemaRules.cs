using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FamilyTime.Web.Api;

/// <summary>What the generated schemas cannot know from the C# types alone.</summary>
public static class ApiSchemaRules
{
    /// <summary>A field marked <see cref="NamesOfAttribute"/> lists its enumeration's names (each item's, for a list).</summary>
    public static Task ListNames(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        // A body's field, or a query parameter itself (no JSON property then).
        var attributes = context.JsonPropertyInfo?.AttributeProvider
            ?? (context.JsonPropertyInfo is null ? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo : null);
        var names = attributes?.GetCustomAttributes(typeof(NamesOfAttribute), inherit: true).OfType<NamesOfAttribute>().FirstOrDefault();
        if (names is null)
        {
            return Task.CompletedTask;
        }
        var target = schema.Items as OpenApiSchema ?? schema;
        var values = Enum.GetNames(names.EnumType).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        if (target.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            // A JSON null, as the generator writes it for a nullable enumeration.
            values.Add(null!);
        }
        target.Enum = values;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A request body's fields may all be left out: System.Text.Json does not insist on them, and what a use case needs
    /// is answered as a 400 naming the field. The generator marks every constructor parameter "required", which would
    /// make clients send nulls they need not. A schema an answer also uses keeps its "required" (every field of an
    /// answer is always written), so such a type is never loosened for the answer's sake.
    /// </summary>
    public static Task RequestFieldsOptional(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        var operations = (document.Paths ?? new OpenApiPaths()).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []).ToList();
        var answers = new HashSet<string>();
        foreach (var schema in operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values.AsEnumerable() ?? []).Select(m => m.Schema))
        {
            Walk(schema, document, answers, _ => { });
        }
        var requests = new HashSet<string>(answers);
        foreach (var schema in operations.SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? []).Select(m => m.Schema))
        {
            Walk(schema, document, requests, inline => inline.Required?.Clear());
        }
        return Task.CompletedTask;
    }

    /// <summary>Visits a schema and every schema it holds, each named one once (those in <paramref name="seen"/> not at all).</summary>
    private static void Walk(IOpenApiSchema? schema, OpenApiDocument document, HashSet<string> seen, Action<OpenApiSchema> visit)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && seen.Add(id) && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
                {
                    Walk(target, document, seen, visit);
                }
                return;
            case OpenApiSchema inline:
                visit(inline);
                foreach (var inner in (inline.Properties?.Values ?? []).Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? []).Append(inline.Items))
                {
                    Walk(inner, document, seen, visit);
                }
                return;
        }
    }
}

using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FamilyTime.Domain.Common;

namespace FamilyTime.Web.Api.Input;

/// <summary>
/// Refuses an API request whose text holds a control character or a text-direction override, or whose dates fall
/// outside 1900–2200 (<see cref="SafeText"/>), naming each field as the request names it. It reads what the
/// endpoint was given (body records, lists, query and route values) after binding, so the JSON and the OpenAPI
/// document stay as they are. A program can be told and fixed; a person's form quietly loses such characters instead
/// (<see cref="Infrastructure.SafeFormTextBinder"/>).
/// </summary>
public sealed class SafeInputFilter : IEndpointFilter
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        var services = context.HttpContext.RequestServices.GetRequiredService<IServiceProviderIsService>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var argument = context.Arguments[i];
            if (argument is not null && !FromRequest(argument.GetType(), services))
            {
                continue;
            }
            // A request record's fields are named as the body names them ("startOn"); a lone value by its parameter.
            var name = IsOwnRequestRecord(argument) || parameters is not { } p || i >= p.Length ? "" : JsonNamingPolicy.CamelCase.ConvertName(p[i].Name ?? "");
            Check(argument, name, errors, 0);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some of the information cannot be taken",
                detail: "Take out control characters and hidden text-direction marks, and give dates between 1900 and 2200. Nothing was saved.");
        }
        return await next(context);
    }

    /// <summary>
    /// What the caller sent (a body record, a query or route value), not what the endpoint is handed by the service: a
    /// registered service (a use case, the database) or a value made by its own BindAsync (the child in reach).
    /// </summary>
    private static bool FromRequest(Type type, IServiceProviderIsService services) =>
        !services.IsService(type) && type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null;

    /// <summary>One of FamilyTime's own request records (a body such as NewChildRequest), whose fields are walked.</summary>
    private static bool IsOwnRequestRecord(object? value) =>
        value is not null and not string and not IEnumerable && value.GetType() is { IsEnum: false } t && t.Namespace?.StartsWith("FamilyTime.", StringComparison.Ordinal) == true;

    private static void Check(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (SafeText.FirstUnsafe(text) is { } c)
                {
                    errors[path] = [$"Take out the control character or hidden text-direction mark ({SafeText.Describe(c)})"];
                }
                return;
            case DateOnly date:
                // default is a date left out of the body: the handler says it is needed, in its own words.
                if (date != default && !SafeText.IsSaneDate(date))
                {
                    errors[path] = [$"Give a date between {SafeText.EarliestDate:d MMMM yyyy} and {SafeText.LatestDate:d MMMM yyyy}"];
                }
                return;
            case IEnumerable list when depth < MaxDepth:
                var n = 0;
                foreach (var item in list)
                {
                    Check(item, $"{path}[{n++}]", errors, depth + 1);
                }
                return;
        }
        // Only the service's own request records are walked: not the framework's objects (HttpContext, a user).
        if (depth >= MaxDepth || !IsOwnRequestRecord(value))
        {
            return;
        }
        foreach (var property in Properties.GetOrAdd(value.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray()))
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Check(property.GetValue(value), path.Length == 0 ? field : $"{path}.{field}", errors, depth + 1);
        }
    }
}

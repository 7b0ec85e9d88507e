using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using FamilyTime.Web.Infrastructure;
using Microsoft.OpenApi;

namespace FamilyTime.Web.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: its title, the public server address, the bearer scheme every
/// operation but signing in needs, and an operationId on every operation so client generators name their methods.
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, context, _) =>
            {
                doc.Info.Title = "FamilyTime API";
                doc.Info.Description = "Family time for children in care. Sign in at POST /api/v1/auth/token and send the token as 'Authorization: Bearer …'.";
                if (context.ApplicationServices.GetRequiredService<PublicBase>().Url is { } publicBase)
                {
                    doc.Servers = [new OpenApiServer { Url = publicBase.GetLeftPart(UriPartial.Authority) }];
                }
                // The paths begin with '/', so a server address ending in one would double it in a client.
                foreach (var server in doc.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The accessToken of POST /api/v1/auth/token (an hour; POST /api/v1/auth/refresh for a new one).",
                    },
                };
                // Every operation needs the token unless it says otherwise (signing in, accepting an invitation).
                doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, doc)] = [] }];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(ApiSchemaRules.ListNames);
            o.AddDocumentTransformer(ApiSchemaRules.RequestFieldsOptional);
            o.AddOperationTransformer((operation, context, _) =>
            {
                var description = context.Description;
                operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
                if (description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }
                DeclareRouteParameters(operation, description.ActionDescriptor.AttributeRouteInfo?.Template ?? description.RelativePath ?? "");
                if (description.ActionDescriptor.EndpointMetadata.OfType<Idempotency.IdempotentCreation>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.IdempotencyMiddleware.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Optional, 1 to 255 characters (a new UUID per request): a retry with the same key and body answers the first answer "
                            + "(with 'Idempotent-Replayed: true') and creates nothing; the same key with another body is a 422. Kept for 24 hours.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                    });
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// A route value the handler does not take itself (the child's id, read by the child-access filter of its route
    /// group) is still part of the address: it is declared, as OpenAPI requires, a uuid where the route says so.
    /// </summary>
    private static void DeclareRouteParameters(OpenApiOperation operation, string template)
    {
        foreach (var parameter in RoutePatternFactory.Parse(template).Parameters)
        {
            if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)) == true)
            {
                continue;
            }
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = parameter.ParameterPolicies.Any(policy => policy.Content == "guid")
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                    : new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    /// <summary>
    /// A stable name from the method and the route, the version prefix left out: <c>GET api/v1/children/{id}/plan</c> is
    /// <c>getChildrenByIdPlan</c>. Unique because method and route together are.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var name = new StringBuilder(method.ToLowerInvariant());
        var segments = RoutePatternFactory.Parse(route).PathSegments
            .SkipWhile(s => s.Parts is [RoutePatternLiteralPart { Content: "api" or "v1" }]);
        foreach (var part in segments.SelectMany(s => s.Parts))
        {
            var word = part switch
            {
                RoutePatternParameterPart parameter => "By-" + parameter.Name,
                RoutePatternLiteralPart literal => literal.Content,
                _ => "",
            };
            foreach (var piece in word.Split('-', '.', '_'))
            {
                if (piece.Length > 0)
                {
                    name.Append(char.ToUpper(piece[0], CultureInfo.InvariantCulture)).Append(piece.AsSpan(1));
                }
            }
        }
        return name.ToString();
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Web.Api;

namespace FamilyTime.IntegrationTests;

/// <summary>What a client generator needs from /openapi/v1.json: a name for every operation and the bearer scheme.</summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private async Task<JsonElement> DocumentAsync() =>
        await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement doc) => Contract.KiotaCalls.Operations(doc);

    /// <summary>
    /// The contract others build on is kept in the repository (docs/api/openapi-v1.json): a change to the API shows as a
    /// change to that file in review. To accept a change on purpose, run this test with FAMILYTIME_WRITE_OPENAPI=1,
    /// which writes the live document there.
    /// </summary>
    [Fact]
    public async Task The_document_is_the_one_checked_in()
    {
        var live = JsonSerializer.Serialize(await DocumentAsync(), Indented) + "\n";
        var file = Path.Combine(Contract.OutsideTool.RepositoryRoot(), "docs", "api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("FAMILYTIME_WRITE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, live);
        }
        Assert.True(File.Exists(file), $"{file} is missing: run this test with FAMILYTIME_WRITE_OPENAPI=1 to write it");
        var kept = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        if (kept != live)
        {
            var keptLines = kept.Split('\n');
            var liveLines = live.Split('\n');
            var first = Enumerable.Range(0, Math.Min(keptLines.Length, liveLines.Length)).FirstOrDefault(i => keptLines[i] != liveLines[i], Math.Min(keptLines.Length, liveLines.Length));
            Assert.Fail($"The API's OpenAPI document differs from docs/api/openapi-v1.json from line {first + 1}: kept '{keptLines.ElementAtOrDefault(first)?.Trim()}', "
                + $"live '{liveLines.ElementAtOrDefault(first)?.Trim()}'. If the change is meant, run this test with FAMILYTIME_WRITE_OPENAPI=1 and commit the file.");
        }
    }

    [Fact]
    public async Task Every_operation_has_its_own_operation_id()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations");
        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(operations.Zip(ids), x => Assert.True(x.Second is not null && Regex.IsMatch(x.Second, "^[a-z][A-Za-z0-9]*$"),
            $"{x.First.Method} {x.First.Path} has operationId '{x.Second}'"));
        var repeated = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "operationIds used twice: " + string.Join(", ", repeated));
        Assert.Contains("getChildrenByIdPlan", ids);
        Assert.Contains("postAuthToken", ids);
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_needed_by_all_but_signing_in()
    {
        var doc = await DocumentAsync();
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocument.BearerScheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var required = Assert.Single(doc.GetProperty("security").EnumerateArray().ToList());
        Assert.True(required.TryGetProperty(ApiDocument.BearerScheme, out _));

        var open = Operations(doc).Where(o => o.Operation.TryGetProperty("security", out var s) && s.GetArrayLength() == 0)
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.Contains("post /api/v1/auth/token", open);
        Assert.Contains("post /api/v1/auth/refresh", open);
        Assert.DoesNotContain(open, o => o.Contains("/children", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_part_of_an_address_in_braces_is_a_declared_path_parameter()
    {
        foreach (var (method, path, operation) in Operations(await DocumentAsync()))
        {
            var declared = operation.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToHashSet()
                : [];
            foreach (Match m in Regex.Matches(path, @"\{([^}]+)\}"))
            {
                Assert.True(declared.Contains(m.Groups[1].Value), $"{method} {path} does not declare {{{m.Groups[1].Value}}}");
            }
        }
        var plan = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/children/{id}/plan").GetProperty("get");
        var id = Assert.Single(plan.GetProperty("parameters").EnumerateArray().ToList());
        Assert.True(id.GetProperty("required").GetBoolean());
        Assert.Equal("uuid", id.GetProperty("schema").GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("GET", "api/v1/children", "getChildren")]
    [InlineData("POST", "api/v1/children/{id}/plan/agree", "postChildrenByIdPlanAgree")]
    [InlineData("PUT", "api/v1/children/{id}/plan/arrangements/{arrangementId:guid}", "putChildrenByIdPlanArrangementsByArrangementId")]
    [InlineData("GET", "api/v1/week/by-worker", "getWeekByWorker")]
    public void An_operation_id_is_the_method_and_the_route_in_camel_case(string method, string route, string expected) =>
        Assert.Equal(expected, ApiDocument.OperationId(method, route));
}

using System.Net.Http.Json;
using System.Text.Json;

namespace FamilyTime.IntegrationTests.Contract;

/// <summary>
/// The live OpenAPI document as others will use it, checked with tools nobody here wrote: Kiota generates a C# client
/// from it and the compiler builds a call to every operation with its documented answer type; Spectral lints it with
/// its OpenAPI ruleset.
/// </summary>
public sealed class ApiContractTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string KiotaVersion = "2.1.6";

    private async Task<(JsonElement Document, string Text)> DocumentAsync()
    {
        var text = await app.Factory.CreateClient().GetStringAsync("/openapi/v1.json");
        return (JsonDocument.Parse(text).RootElement, text);
    }

    [Fact]
    public async Task Every_operation_documents_a_typed_answer_or_no_content()
    {
        var (doc, _) = await DocumentAsync();
        var untyped = new List<string>();
        foreach (var (method, path, operation) in KiotaCalls.Operations(doc))
        {
            try
            {
                KiotaCalls.AnswerType(operation);
            }
            catch (InvalidOperationException e)
            {
                untyped.Add($"{method.ToUpperInvariant()} {path}: {e.Message}");
            }
        }
        Assert.True(untyped.Count == 0, "Operations without a typed answer:\n" + string.Join('\n', untyped));
        Assert.True(KiotaCalls.Operations(doc).Count() > 120);
    }

    [Fact]
    public async Task A_generated_kiota_client_compiles_a_call_to_every_operation_with_its_typed_answer()
    {
        var (doc, text) = await DocumentAsync();
        var calls = KiotaCalls.Calls(doc);
        var root = OutsideTool.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("familytime-kiota-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, text);
            var restore = await OutsideTool.RunAsync("dotnet", root, "tool", "restore");
            Assert.True(restore.ExitCode == 0, "dotnet tool restore failed:\n" + restore.Tail());

            var client = Path.Combine(work.FullName, "Client");
            var generate = await OutsideTool.RunAsync("dotnet", root, "kiota", "generate", "--language", "CSharp",
                "--openapi", document, "--output", client, "--namespace-name", KiotaCalls.Namespace,
                "--class-name", KiotaCalls.ClientClass, "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning");
            Assert.True(generate.ExitCode == 0, "Kiota could not generate a client:\n" + generate.Tail());

            await File.WriteAllTextAsync(Path.Combine(work.FullName, "EveryOperation.cs"), KiotaCalls.Source(calls));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "ClientCheck.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="{KiotaVersion}" />
                    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="{KiotaVersion}" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="{KiotaVersion}" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="{KiotaVersion}" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="{KiotaVersion}" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="{KiotaVersion}" />
                  </ItemGroup>
                </Project>
                """);
            var build = await OutsideTool.RunAsync("dotnet", work.FullName, "build", "-nologo", "-v", "quiet", "--disable-build-servers", "-p:TreatWarningsAsErrors=false");
            Assert.True(build.ExitCode == 0, $"The Kiota client with a call to each of the {calls.Count} operations does not compile:\n" + build.Tail(60));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Spectral_finds_no_error_in_the_document()
    {
        var (_, text) = await DocumentAsync();
        var folder = Path.Combine(OutsideTool.RepositoryRoot(), "tests", "FamilyTime.IntegrationTests", "openapi");
        var spectral = Path.Combine(folder, "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral), $"Spectral is not installed in {folder}: build the integration tests (it runs npm ci there) or run 'npm ci' in that folder.");
        var document = Path.Combine(Path.GetTempPath(), $"familytime-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, text);
        try
        {
            var lint = await OutsideTool.RunAsync(spectral, folder, "lint", document, "--ruleset", Path.Combine(folder, ".spectral.yaml"),
                "--format", "json", "--quiet");
            var findings = JsonDocument.Parse(lint.Output.Trim() is { Length: > 0 } json && json.StartsWith('[') ? json : "[]").RootElement;
            var errors = findings.EnumerateArray().Where(f => f.GetProperty("severity").GetInt32() == 0)
                .Select(f => $"{f.GetProperty("code").GetString()}: {f.GetProperty("message").GetString()} at {string.Join('.', f.GetProperty("path").EnumerateArray())}").ToList();
            Assert.True(lint.Output.TrimStart().StartsWith('['), "Spectral did not answer with its findings:\n" + lint.Tail());
            Assert.True(errors.Count == 0, "Spectral's OpenAPI ruleset finds errors:\n" + string.Join('\n', errors));
        }
        finally
        {
            File.Delete(document);
        }
    }
}

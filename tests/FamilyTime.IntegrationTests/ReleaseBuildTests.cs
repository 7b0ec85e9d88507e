using System.Text.Json;
using FamilyTime.IntegrationTests.Contract;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A council's release is published with -p:DemoData=false: MSBuild, asked what it would compile and reference, leaves
/// out the demo data (Demo/) and Bogus, its fake-data library; the default build (./run.sh, the tests) keeps both.
/// </summary>
public sealed class ReleaseBuildTests
{
    private static async Task<JsonElement> EvaluateAsync(params string[] properties)
    {
        var root = OutsideTool.RepositoryRoot();
        string[] arguments = ["msbuild", Path.Combine(root, "src", "FamilyTime.Web", "FamilyTime.Web.csproj"), .. properties,
            "-getItem:Compile", "-getItem:PackageReference", "-getProperty:DefineConstants"];
        var run = await OutsideTool.RunAsync("dotnet", root, arguments);
        Assert.True(run.ExitCode == 0, "MSBuild could not evaluate the web project: " + run.Tail());
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static List<string> Items(JsonElement evaluation, string type) =>
        evaluation.GetProperty("Items").GetProperty(type).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList();

    [Fact]
    public async Task A_release_without_demo_data_compiles_no_demo_code_and_references_no_fake_data_library()
    {
        var release = await EvaluateAsync("-p:DemoData=false");
        var usual = await EvaluateAsync();

        Assert.DoesNotContain(Items(release, "Compile"), f => f.StartsWith("Demo/", StringComparison.Ordinal));
        Assert.DoesNotContain("Bogus", Items(release, "PackageReference"));
        Assert.DoesNotContain("DEMO_DATA", release.GetProperty("Properties").GetProperty("DefineConstants").GetString()!.Split(';'));
        Assert.Contains("Demo/DemoSeeder.cs", Items(usual, "Compile"));
        Assert.Contains("Bogus", Items(usual, "PackageReference"));
        Assert.Contains("DEMO_DATA", usual.GetProperty("Properties").GetProperty("DefineConstants").GetString()!.Split(';'));
    }
}

using System.Diagnostics;

namespace FamilyTime.IntegrationTests.Contract;

/// <summary>Runs a tool nobody here wrote (Kiota, the .NET compiler, Spectral) and keeps what it said.</summary>
internal static class OutsideTool
{
    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        /// <summary>The last lines of both, enough to see why it failed without drowning the test's message.</summary>
        public string Tail(int lines = 40) => string.Join('\n', (Output + "\n" + Errors).Split('\n').TakeLast(lines));
    }

    public static async Task<Run> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No telemetry, no first-run banners or tutorials, no build servers left running after the test.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await errors);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FamilyTime.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: FamilyTime.slnx not found above " + AppContext.BaseDirectory);
    }
}

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// How <see cref="ProcessRotaSolver"/> starts the solver host: a program and its arguments. By default
/// <c>dotnet FamilyTime.Scheduling.Host.dll</c>, the dll found next to this assembly (an app that references the host
/// project has it copied into its own output); tests substitute a command that crashes or hangs.
/// </summary>
public sealed record RotaHostCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string HostFileName = "FamilyTime.Scheduling.Host.dll";

    /// <summary>The solver host next to this assembly, run by the dotnet muxer that runs this process where it can.</summary>
    public static RotaHostCommand Default() => new(Dotnet(), [HostDll()]);

    /// <summary>The host dll beside FamilyTime.Scheduling.dll, else in the app's base folder (a single-file app has no
    /// assembly location).</summary>
    public static string HostDll()
    {
        var beside = Path.GetDirectoryName(typeof(RotaHostCommand).Assembly.Location);
        if (!string.IsNullOrEmpty(beside) && File.Exists(Path.Combine(beside, HostFileName)))
        {
            return Path.Combine(beside, HostFileName);
        }
        return Path.Combine(AppContext.BaseDirectory, HostFileName);
    }

    /// <summary>
    /// The dotnet muxer: this process's own when it is one (`dotnet FamilyTime.Web.dll`, `dotnet test`), so the child
    /// runs on the same runtime; else the one the SDK names (`DOTNET_HOST_PATH`), the one under `DOTNET_ROOT`
    /// (an app started by its own launcher), the first on PATH; else plain "dotnet" for the system to find.
    /// </summary>
    public static string Dotnet()
    {
        var muxer = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), muxer, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, muxer)))
        {
            return Path.Combine(root, muxer);
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, muxer);
            if (File.Exists(candidate)) return candidate;
        }
        return muxer;
    }

    public override string ToString() => string.Join(" ", Arguments.Prepend(FileName));
}

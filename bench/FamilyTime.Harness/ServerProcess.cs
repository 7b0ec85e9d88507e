using System.Diagnostics;

namespace FamilyTime.Harness;

/// <summary>
/// One FamilyTime server started as `dotnet FamilyTime.Web.dll`: a single process, so <see cref="KillHard"/> is a real
/// SIGKILL with no chance to flush or roll back, which is what a power cut or the OOM killer does to the service.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public static async Task<ServerProcess> StartAsync(HarnessOptions options, string logFile, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet", [options.WebDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(options.WebDll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = options.BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Children"] = "12";
        start.Environment["Mfa__RequiredFor"] = "None";
        // The harness signs in a handful of times from one address; the per-address limit is for people, not for it.
        start.Environment["Security__SignInAttemptsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (options.Engine == "postgres")
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = options.Postgres;
        }
        else
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={options.SqliteFile}";
        }

        // A server left over on the port (from an interrupted run) would be measured instead of ours.
        using (var probe = new HttpClient { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(2) })
        {
            try
            {
                using var _ = await probe.GetAsync(new Uri("health", UriKind.Relative), ct);
                throw new HarnessException($"something already answers on {options.BaseUrl}; stop it first");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log);
        try
        {
            await server.WaitUntilReadyAsync(options, ct);
        }
        catch
        {
            // Never leave a half-started server behind holding the port and the database.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilReadyAsync(HarnessOptions options, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < options.StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new HarnessException($"the server exited with code {_process.ExitCode} while starting; see its log");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new HarnessException($"the server did not answer /health within {options.StartTimeout.TotalSeconds:0} s");
    }

    /// <summary>
    /// Clears what a previous run left (its server log and, on SQLite, its database) so each run starts from the demo
    /// data alone; answers the log file this run's servers write to. A PostgreSQL run needs an empty database (run-harness.sh makes one).
    /// </summary>
    public static string FreshStart(HarnessOptions options)
    {
        var log = Path.ChangeExtension(options.OutFile, ".server.log");
        File.Delete(log);
        if (options.Engine == "sqlite")
        {
            foreach (var file in new[] { "", "-wal", "-shm" })
            {
                File.Delete(options.SqliteFile + file);
            }
        }

        return log;
    }

    /// <summary>SIGKILL: the process gets no signal handler, no shutdown, no flush.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit();
    }

    /// <summary>Error lines the server logged (level fail/crit), for the report.</summary>
    public static int CountErrorLines(string logFile) =>
        File.Exists(logFile) ? File.ReadLines(logFile).Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)) : 0;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }
}

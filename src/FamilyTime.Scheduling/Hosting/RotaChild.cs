using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// One solver host process, from start to end: sends it the problem, relays its progress lines, and answers its plan or
/// why there is none. Closing its standard input asks it to stop and give its best plan so far; when it does not end
/// within the grace it is killed with its whole process tree, so no process is ever left behind.
/// </summary>
internal sealed class RotaChild : IDisposable
{

    private readonly Process _process;
    private readonly IProgress<RotaProgress>? _progress;
    // Signals as tasks, not wait handles: the process's reader threads may still signal after Dispose, harmlessly.
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ErrorTail _errors = new();
    private volatile RotaPlan? _plan;
    private volatile string? _unreadable;

    private RotaChild(Process process, IProgress<RotaProgress>? progress)
    {
        _process = process;
        _progress = progress;
    }

    public int Id => _process.Id;

    /// <summary>Starts the command; throws <see cref="Win32Exception"/> when it cannot be run at all.</summary>
    public static RotaChild Start(RotaHostCommand command, IProgress<RotaProgress>? progress)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No byte-order mark ahead of the problem's JSON.
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new RotaChild(process, progress);
        process.Exited += (_, _) => child._exited.TrySetResult();
        process.OutputDataReceived += (_, e) => child.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            // Null marks the end of the stream: a crash's last words (the reason the log shows) may arrive after exit.
            if (e.Data is null) child._errorEnded.TrySetResult();
            else child._errors.Add(e.Data);
        };
        try
        {
            process.Start();
        }
        catch
        {
            child.Dispose();
            throw;
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends the problem and waits up to <paramref name="limit"/> for the plan.</summary>
    public RotaChildOutcome Run(string problemJson, TimeSpan limit, TimeSpan grace, CancellationToken cancellationToken)
    {
        try
        {
            // One line; standard input stays open, because closing it is how the child is asked to stop early.
            _process.StandardInput.WriteLine(problemJson);
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            // The child ended before it read the problem: its exit code and standard error say why.
        }

        RotaChildEnding ending;
        try
        {
            ending = _exited.Task.Wait(limit, cancellationToken) ? RotaChildEnding.Ended : RotaChildEnding.TimedOut;
        }
        catch (OperationCanceledException)
        {
            ending = RotaChildEnding.Cancelled;
        }
        if (ending != RotaChildEnding.Ended && !AskToStop(grace))
        {
            Kill();
            _exited.Task.Wait(grace, CancellationToken.None);
        }
        // The last lines may still be on their way after the exit; waiting with a limit (never for the streams' end
        // alone), so a grandchild that kept the pipe open cannot hold us.
        Task.WaitAll([_outputEnded.Task, _errorEnded.Task], grace);
        return new RotaChildOutcome(_plan, ending, HasExited() ? _process.ExitCode : null, _unreadable, _errors.Text());
    }

    public void Dispose()
    {
        if (!HasExited()) Kill();
        _process.Dispose();
    }

    /// <summary>Closes the child's standard input (it then stops its search and writes its best plan); true when it
    /// ended within the grace.</summary>
    private bool AskToStop(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        return _exited.Task.Wait(grace, CancellationToken.None);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile (or never started).
        }
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            _outputEnded.TrySetResult();
            return;
        }
        try
        {
            if (line.StartsWith(RotaHostProtocol.ProgressPrefix, StringComparison.Ordinal))
            {
                _progress?.Report(RotaJson.ReadProgress(line[RotaHostProtocol.ProgressPrefix.Length..]));
            }
            else if (line.StartsWith(RotaHostProtocol.PlanPrefix, StringComparison.Ordinal))
            {
                _plan = RotaJson.ReadPlan(line[RotaHostProtocol.PlanPrefix.Length..]);
            }
            // Anything else (a native library writing to standard output) is not ours to read.
        }
        catch (JsonException ex)
        {
            _unreadable = $"its output could not be read ({ex.Message})";
        }
    }

    /// <summary>The last lines of the child's standard error, bounded, for the app's warning.</summary>
    private sealed class ErrorTail
    {
        private const int MaxLines = 20, MaxLineLength = 500;
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                _lines.Enqueue(line.Length > MaxLineLength ? line[..MaxLineLength] + "…" : line);
                while (_lines.Count > MaxLines) _lines.Dequeue();
            }
        }

        public string Text()
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }
}

/// <summary>How a child's wait ended: it ended by itself, the caller cancelled, or the time ran out.</summary>
internal enum RotaChildEnding
{
    Ended,
    Cancelled,
    TimedOut,
}

/// <summary>What one child gave: its plan when it wrote one, else what can be said about why not.</summary>
internal sealed record RotaChildOutcome(RotaPlan? Plan, RotaChildEnding Ending, int? ExitCode, string? Unreadable, string ErrorTail)
{
    public string Reason => Ending switch
    {
        RotaChildEnding.Cancelled => "it was stopped (the run was cancelled) before it wrote a plan",
        RotaChildEnding.TimedOut => "it did not write a plan in the time allowed and was stopped",
        _ when Unreadable is not null => Unreadable,
        _ => $"it ended with exit code {ExitCode} without writing a plan",
    };
}

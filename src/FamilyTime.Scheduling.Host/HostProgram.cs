using System.Text;
using System.Text.Json;
using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Host;

/// <summary>
/// The solver host: solves one rota problem with CP-SAT in its own process, so a native crash in OR-Tools ends this
/// process, not the web app (see the Scheduling README, "Running out of process: why").
/// </summary>
/// <remarks>
/// The protocol is <see cref="RotaHostProtocol"/>; <see cref="ProcessRotaSolver"/> is the other side. Standard input
/// closing while solving (the parent asks it to stop, or the parent died) stops the search, and the best plan so far is
/// written. Not a public type, nor named Program: an app that references this project keeps its own <c>Program</c>.
/// </remarks>
internal static class HostProgram
{
    // Never disposed: the thread watching standard input may cancel it at any time until the process ends.
    private static readonly CancellationTokenSource Stop = new();

    private static int Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var output = new LineWriter(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" }, Stop);

        RotaProblem problem;
        try
        {
            var line = input.ReadLine();
            if (string.IsNullOrWhiteSpace(line))
            {
                return Fail(RotaHostProtocol.BadInput, "No rota problem was read: standard input ended before its first line.");
            }
            problem = RotaJson.ReadProblem(line);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            return Fail(RotaHostProtocol.BadInput, $"The rota problem could not be read: {ex.Message}");
        }

        var watcher = new Thread(() => WaitForEndOfInput(input)) { IsBackground = true, Name = "end of input" };
        watcher.Start();
        // Ctrl+C by hand: stop the search and still write the best plan.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Stop.Cancel();
        };

        RotaPlan plan;
        try
        {
            plan = new CpSatRotaSolver().Solve(problem, output, Stop.Token);
        }
        catch (Exception ex)
        {
            // A managed failure (the native crash this host exists for cannot be caught): one line for the parent's log.
            return Fail(RotaHostProtocol.SolverFailed, $"The rota solver failed: {ex.GetType().Name}: {ex.Message}");
        }
        return output.Write(RotaHostProtocol.PlanPrefix, RotaJson.Write(plan)) ? RotaHostProtocol.Solved : RotaHostProtocol.OutputClosed;
    }

    /// <summary>Reads (and ignores) standard input until it closes, then stops the search.</summary>
    private static void WaitForEndOfInput(StreamReader input)
    {
        try
        {
            var buffer = new char[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A broken pipe is an end too.
        }
        Stop.Cancel();
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message.ReplaceLineEndings(" "));
        return code;
    }
}

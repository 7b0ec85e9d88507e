using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Host;

/// <summary>
/// Writes the host's messages, one whole line each, flushed at once so the parent sees progress as it comes. Reports
/// arrive on the solver's threads, so writes are one at a time. When standard output is gone (the parent died) the
/// search is stopped: nobody is left to read its plan.
/// </summary>
internal sealed class LineWriter(StreamWriter output, CancellationTokenSource stop) : IProgress<RotaProgress>
{
    private readonly Lock _gate = new();
    private bool _closed;

    public void Report(RotaProgress value) => Write(RotaHostProtocol.ProgressPrefix, RotaJson.Write(value));

    /// <summary>Writes one line; false when standard output is closed.</summary>
    public bool Write(string prefix, string json)
    {
        lock (_gate)
        {
            if (_closed) return false;
            try
            {
                output.Write(prefix);
                output.WriteLine(json);
                output.Flush();
                return true;
            }
            catch (IOException)
            {
                _closed = true;
                stop.Cancel();
                return false;
            }
        }
    }
}

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// One writer at a time in this process. SQLite allows a single writer, and the audit chain needs each entry
/// to follow the last: queueing here keeps write transactions short instead of making them fight for the lock.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

using System.Threading.Channels;
using FamilyTime.Web.Features.Scheduling;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Rota;

/// <summary>A nudge that a run was queued, so the background service starts it at once instead of at its next look.</summary>
public sealed class RotaRunQueue
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan atMost, TimeProvider clock, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(atMost, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _nudges.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // No nudge: look anyway (a run queued by another server).
        }
    }
}

/// <summary>
/// Solves queued rota runs in the background while the app runs, and stops them when it shuts down (the run is
/// marked failed, to be planned again). Off where the scheduler is off (the tests run it by hand).
/// </summary>
public sealed partial class RotaRunService(RotaRunner runner, RotaRunQueue queue, TimeProvider clock, IOptions<SchedulerOptions> options, ILogger<RotaRunService> log) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunQueuedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LookFailed(log, ex);
            }
            await queue.WaitAsync(LookEvery, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for queued rota runs failed; it looks again shortly")]
    private static partial void LookFailed(ILogger logger, Exception ex);
}

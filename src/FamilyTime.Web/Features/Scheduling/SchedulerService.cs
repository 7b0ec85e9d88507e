namespace FamilyTime.Web.Features.Scheduling;

public sealed class SchedulerOptions
{
    /// <summary>Off in the tests, which turn the scheduler by hand with a controllable clock.</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 30;
}

/// <summary>Turns the scheduler every few seconds while the service runs. Nothing lives only here: jobs are rows.</summary>
public sealed partial class SchedulerService(JobRunner runner, Microsoft.Extensions.Options.IOptions<SchedulerOptions> options, ILogger<SchedulerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                await runner.TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TurnFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler's turn failed; it tries again at the next one")]
    private static partial void TurnFailed(ILogger logger, Exception ex);
}

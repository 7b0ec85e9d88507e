using FamilyTime.Data;
using FamilyTime.Domain.Rota;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Solves queued runs outside any request: builds the week from the database, hands it to the <see cref="IRotaSolver"/>
/// on a worker thread, writes its progress every few seconds so the page can show it, and stores the plan. The
/// background service (<see cref="RotaRunService"/>) calls it when a run is queued; the tests call it by hand.
/// </summary>
public sealed partial class RotaRunner(IServiceScopeFactory scopes, IRotaSolver solver, WriteGate gate, TimeProvider clock, ILogger<RotaRunner> log)
{
    /// <summary>A run left "running" this long (its server stopped mid-run) is given up, so the week can be planned again.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    /// <summary>Runs every queued run, oldest first; answers how many finished.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken ct)
    {
        await GiveUpAbandonedAsync(ct);
        var done = 0;
        while (!ct.IsCancellationRequested)
        {
            Guid? next;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
                next = await db.RotaRuns.AsNoTracking().Where(r => r.Status == RotaRunStatus.Queued)
                    .OrderBy(r => r.RequestedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            }
            if (next is not { } id)
            {
                return done;
            }
            done += await RunAsync(id, ct) ? 1 : 0;
        }
        return done;
    }

    /// <summary>Claims and solves one queued run; false when another server claimed it first or it failed.</summary>
    public async Task<bool> RunAsync(Guid runId, CancellationToken ct)
    {
        RotaBuild? build;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var run = await db.RotaRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
            if (run is null || run.Status != RotaRunStatus.Queued)
            {
                return false;
            }
            try
            {
                build = await scope.ServiceProvider.GetRequiredService<RotaInputBuilder>().BuildAsync(run.AreaId, run.WeekStart, run.AllowMoreChanges, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RunFailed(log, ex, runId);
                run.Fail("The week could not be read to plan it. Try again; if it happens again, tell the service desk.", Now);
                await gate.RunAsync(() => db.SaveChangesAsync(CancellationToken.None), CancellationToken.None);
                return false;
            }
            if (build is null)
            {
                run.Fail("The area no longer exists.", Now);
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
                return false;
            }
            run.Start(Now, build.Problem.Sessions.Count);
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }

        var latest = new LatestProgress();
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteProgressAsync(runId, latest, stopWriting.Token);
        var problem = build.Problem;
        // A solver host that ended without a plan: a warning with its last words (the run still gets a plan).
        void OnChildFailed(object? sender, RotaChildFailure f)
        {
            if (ReferenceEquals(f.Problem, problem))
            {
                ChildFailed(log, runId, f.Attempt, f.Reason, f.FallingBack ? "the first-fit plan is used" : "a fresh child is tried", f.ErrorTail);
            }
        }
        var watched = solver as ProcessRotaSolver;
        if (watched is not null) watched.ChildFailed += OnChildFailed;
        try
        {
            var plan = await Task.Run(() => solver.Solve(problem, latest, ct), ct);
            await stopWriting.CancelAsync();
            await writer;
            var result = RotaResultJson.Write(build.Snapshot with { Plan = plan });
            await SaveAsync(runId, r => r.Finish(result, plan.Stats.SolveTime.TotalSeconds, plan.Stats.Objective, plan.Stats.Bound, plan.Stats.Placed, Now), CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stopWriting.CancelAsync();
            await writer;
            await SaveAsync(runId, r => r.Fail("The service stopped while the week was being planned. Plan the week again.", Now), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await stopWriting.CancelAsync();
            await writer;
            RunFailed(log, ex, runId);
            await SaveAsync(runId, r => r.Fail("The plan could not be made. Try again; if it happens again, tell the service desk.", Now), CancellationToken.None);
            return false;
        }
        finally
        {
            if (watched is not null) watched.ChildFailed -= OnChildFailed;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task WriteProgressAsync(Guid runId, LatestProgress latest, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(ProgressEvery, clock, ct);
                if (latest.Take() is { } p)
                {
                    await SaveAsync(runId, r => r.Report(p.Elapsed.TotalSeconds, p.Objective, p.Bound, p.Placed), ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The solve ended (or the service is stopping): the final save follows.
        }
    }

    private async Task SaveAsync(Guid runId, Action<RotaRun> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var run = await db.RotaRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return;
        }
        change(run);
        await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
    }

    private async Task GiveUpAbandonedAsync(CancellationToken ct)
    {
        var before = Now - Abandoned;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var stuck = await db.RotaRuns.Where(r => r.Status == RotaRunStatus.Running && r.StartedAt < before).ToListAsync(ct);
        foreach (var run in stuck)
        {
            run.Fail("The planning stopped part-way (the service restarted). Plan the week again.", Now);
        }
        if (stuck.Count > 0)
        {
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server finished or gave it up first.
            }
        }
    }

    /// <summary>The newest progress the solver reported, taken once by the writer.</summary>
    private sealed class LatestProgress : IProgress<RotaProgress>
    {
        private RotaProgress? _latest;

        public void Report(RotaProgress value) => Interlocked.Exchange(ref _latest, value);

        public RotaProgress? Take() => Interlocked.Exchange(ref _latest, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rota run {RunId}: the optimiser's child process (attempt {Attempt}) ended without a plan: {Reason}; {Next}. Its last words: {ErrorTail}")]
    private static partial void ChildFailed(ILogger logger, Guid runId, int attempt, string reason, string next, string errorTail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rota run {RunId} failed")]
    private static partial void RunFailed(ILogger logger, Exception ex, Guid runId);
}

using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Features.Rota;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FamilyTime.IntegrationTests.Rota;

/// <summary>
/// The rota's optimiser runs in a child process (the solver host): the other rota tests plan through it; here, a child
/// that crashes as OR-Tools' native code can leaves the service running, a first-fit plan the page names plainly, and a
/// warning in the log with the child's last words.
/// </summary>
public abstract class RotaChildTests(FamilyTimeFactory app)
{
    [Fact]
    public void The_service_plans_the_rota_in_a_child_process_by_default()
    {
        Assert.IsType<ProcessRotaSolver>(app.Services.GetRequiredService<IRotaSolver>());
    }

    [Fact]
    public async Task A_child_that_crashes_gives_a_first_fit_plan_the_page_names_and_a_warning_in_the_log()
    {
        var area = await RotaWorld.PrepareAsync(app);
        var week = RotaWorld.Week(app, 6);
        var api = await app.ApiAsAsync("coordinator1");
        var response = await api.PostAsJsonAsync("/api/v1/rota/runs", new { areaId = area, week = Domain.Rota.RotaWeek.Name(week), allowMoreChanges = false });
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var crashing = new ProcessRotaSolver(new RotaHostCommand("/bin/sh", ["-c", "echo 'what(): absl::btree_map::at' >&2; kill -ABRT $$"]));
        var log = new WarningLog();
        var runner = ActivatorUtilities.CreateInstance<RotaRunner>(app.Services, crashing, log);

        Assert.True(await runner.RunAsync(runId, CancellationToken.None));

        var run = await api.GetFromJsonAsync<JsonElement>($"/api/v1/rota/runs/{runId}");
        Assert.Equal("Done", run.GetProperty("status").GetString());
        Assert.Equal(run.GetProperty("sessions").GetInt32(), run.GetProperty("assignments").GetArrayLength() + run.GetProperty("unplaced").GetArrayLength());
        var page = await (await app.PagesAsAsync("coordinator1")).GetStringAsync($"/Rota?area={area}&week={Domain.Rota.RotaWeek.Name(week)}");
        Assert.Contains("The optimiser stopped unexpectedly, so this is a first-fit plan", page, StringComparison.Ordinal);
        Assert.Equal(2, log.Warnings.Count);
        Assert.All(log.Warnings, w => Assert.Contains("absl::btree_map::at", w, StringComparison.Ordinal));
        Assert.All(log.Warnings, w => Assert.Contains(runId.ToString(), w, StringComparison.Ordinal));
    }

    /// <summary>The runner's log, keeping its warnings' text.</summary>
    private sealed class WarningLog : ILogger<RotaRunner>
    {
        private readonly Lock _gate = new();
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get { lock (_gate) return [.. _warnings]; }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Warning) return;
            lock (_gate) _warnings.Add(formatter(state, exception));
        }
    }
}

[Collection("sqlite")]
public sealed class RotaChildTestsOnSqlite(SqliteApp app) : RotaChildTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class RotaChildTestsOnPostgres(PostgresApp app) : RotaChildTests(app.Factory), IClassFixture<PostgresApp>;

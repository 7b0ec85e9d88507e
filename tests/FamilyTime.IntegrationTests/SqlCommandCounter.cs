using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Counts the SQL commands EF Core sends (readers, non-queries and scalars, sync and async) for one HTTP request,
/// Identity's cookie and token checks included since they go through the same DbContext. A request is counted when
/// it carries the <see cref="Header"/> naming a scope opened with <see cref="Begin"/>; the request is found through
/// <see cref="IHttpContextAccessor"/>, so work outside a request (the scheduler, a test's own DbAsync) is never mixed in.
/// One instance per app under test: <see cref="FamilyTimeFactory"/> registers it and adds it to the pooled DbContext.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor http) : DbCommandInterceptor, IDbConnectionInterceptor
{
    public const string Header = "X-Test-Sql-Scope";

    private readonly ConcurrentDictionary<string, Scope> _scopes = new();

    /// <summary>Opens a scope: send its <see cref="Scope.Id"/> in <see cref="Header"/>, then read it once the response is in.</summary>
    public Scope Begin()
    {
        var scope = new Scope(this, Guid.NewGuid().ToString("N"));
        _scopes[scope.Id] = scope;
        return scope;
    }

    private Scope? Current() =>
        http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id && _scopes.TryGetValue(id, out var scope) ? scope : null;

    private void Count(DbCommand command) => Current()?.Add(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    // Connections opened are counted too: on SQLite each opening also runs the app's PRAGMA batch (SqlitePragmas),
    // which goes straight to ADO.NET and so is not among the commands above.
    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Current()?.Opened();

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Current()?.Opened();
        return Task.CompletedTask;
    }

    /// <summary>The commands of the requests sent with this scope's id, in the order they ran.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly SqlCommandCounter _owner;
        private readonly ConcurrentQueue<string> _commands = new();
        private int _connections;

        internal Scope(SqlCommandCounter owner, string id)
        {
            _owner = owner;
            Id = id;
        }

        public string Id { get; }
        public int Count => _commands.Count;
        public int Connections => Volatile.Read(ref _connections);
        public IReadOnlyList<string> Commands => [.. _commands];

        internal void Add(string sql) => _commands.Enqueue(sql);
        internal void Opened() => Interlocked.Increment(ref _connections);

        public void Dispose() => _owner._scopes.TryRemove(Id, out _);
    }
}

/// <summary>What one request sent to the database.</summary>
public sealed record SqlCountResult(string Path, HttpStatusCode Status, IReadOnlyList<string> Commands, int Connections)
{
    public int Count => Commands.Count;

    /// <summary>One line per command, its text cut to <paramref name="width"/> characters on one line, for test output.</summary>
    public IEnumerable<string> Lines(int width = 100) => Commands.Select((sql, i) =>
    {
        var line = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $"{i + 1,3}. {(line.Length > width ? line[..width] : line)}";
    });
}

public static class SqlCount
{
    /// <summary>
    /// The SQL commands one GET of <paramref name="path"/> sends, as <paramref name="client"/> (signed in through
    /// <see cref="FamilyTimeFactory.PagesAsAsync"/> or <see cref="FamilyTimeFactory.ApiAsAsync"/>). By default the same
    /// GET is sent once first, uncounted, so first-request one-offs (query compilation, the data-protection key ring,
    /// page compilation) are left out. Send one request at a time on the app while counting.
    /// </summary>
    public static async Task<SqlCountResult> OfAsync(FamilyTimeFactory app, HttpClient client, string path, bool warmUp = true)
    {
        if (warmUp)
        {
            using var first = await client.GetAsync(path);
        }
        var counter = app.Services.GetRequiredService<SqlCommandCounter>();
        using var scope = counter.Begin();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SqlCommandCounter.Header, scope.Id);
        using var response = await client.SendAsync(request);
        // Read the whole body so anything the page does while it renders has run.
        _ = await response.Content.ReadAsByteArrayAsync();
        return new SqlCountResult(path, response.StatusCode, scope.Commands, scope.Connections);
    }
}

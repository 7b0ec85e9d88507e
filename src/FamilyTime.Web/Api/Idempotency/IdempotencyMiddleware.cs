using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FamilyTime.Data;
using FamilyTime.Domain.Idempotency;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Api.Idempotency;

/// <summary>Marks a creating POST whose <c>Idempotency-Key</c> header is honoured.</summary>
public sealed class IdempotentCreation;

public static class IdempotentCreationExtensions
{
    /// <summary>A retry of this POST with the same Idempotency-Key answers what the first answered, and creates nothing.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentCreation()).ProducesProblem(422);
}

/// <summary>
/// Honours <c>Idempotency-Key</c> on the creating POSTs marked <see cref="IdempotentCreation"/>.
/// A repeat with the same body answers the kept answer (same status, body and Location, with
/// <c>Idempotent-Replayed: true</c>); the same key with another body or address is a 422; an empty key or one longer
/// than 255 characters is a 400. Retries reaching this server at once wait for the first and then get its answer
/// (one lock per key stripe). A retry on another server while the first is still being saved cannot create a second
/// record either — the save re-checks the key inside the write lock and the unique index backs it — and it answers
/// 409 "still being handled": retry it a moment later to get the first answer. A first request refused (400, 403)
/// keeps no key, so the corrected request may use it.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    // Striped rather than one per key, so nothing grows with the number of keys; two keys sharing a stripe only queue.
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task InvokeAsync(HttpContext http, FamilyTimeDbContext db, IdempotencyClaim claim, WriteGate gate, TimeProvider clock)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IdempotentCreation>() is null
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } account)
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyKey.MaxKeyLength)
        {
            await Problem(http, 400, "The Idempotency-Key is not usable", $"Send one Idempotency-Key of 1 to {IdempotencyKey.MaxKeyLength} characters (a new UUID for each new request). Nothing was saved.");
            return;
        }
        var request = $"POST {http.Request.Path.Value}";
        var hash = await BodyHashAsync(http.Request, http.RequestAborted);
        var ct = http.RequestAborted;
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(account + "\n" + key) % Stripes.Length)];
        await stripe.WaitAsync(ct);
        try
        {
            if (await FindAsync(db, account, key, clock, ct) is { } earlier)
            {
                await AnswerAsync(http, earlier, request, hash);
                return;
            }
            claim.Begin(new IdempotencyKey(account, key, request, hash, clock.GetUtcNow().UtcDateTime));
            var original = http.Response.Body;
            await using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next(http);
            }
            catch (Exception ex) when (ex is IdempotencyKeyTakenException || (ex is DbUpdateException && claim.StagedId is null))
            {
                http.Response.Body = original;
                http.Response.Clear();
                if (await FindAsync(db, account, key, clock, CancellationToken.None) is not { } taken)
                {
                    throw;
                }
                await AnswerAsync(http, taken, request, hash);
                return;
            }
            finally
            {
                http.Response.Body = original;
            }
            if (claim.StagedId is { } id)
            {
                await KeepAnswerAsync(db, gate, id, http.Response, buffer.ToArray());
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(original, CancellationToken.None);
        }
        finally
        {
            stripe.Release();
        }
    }

    private static Task<IdempotencyKey?> FindAsync(FamilyTimeDbContext db, string account, string key, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.AccountId == account && k.Key == key && k.ExpiresAt > now, ct);
    }

    private static async Task<string> BodyHashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, ct);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }

    private static Task KeepAnswerAsync(FamilyTimeDbContext db, WriteGate gate, Guid id, HttpResponse response, byte[] body)
    {
        var status = response.StatusCode;
        var contentType = response.ContentType;
        var location = response.Headers.Location.ToString();
        var text = Encoding.UTF8.GetString(body);
        // Its own short write after the record's commit: the key already stands for the record; this adds the answer.
        return gate.RunAsync(() => db.IdempotencyKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(k => k.ResponseStatus, status)
            .SetProperty(k => k.ResponseContentType, contentType)
            .SetProperty(k => k.ResponseLocation, location.Length == 0 ? null : location)
            .SetProperty(k => k.ResponseBody, text), CancellationToken.None), CancellationToken.None);
    }

    private static async Task AnswerAsync(HttpContext http, IdempotencyKey earlier, string request, string hash)
    {
        if (!earlier.SameRequest(request, hash))
        {
            await Problem(http, 422, "This Idempotency-Key was used for another request",
                "The key was first sent with a different body or address. Use a new key for a new request. Nothing was saved.");
            return;
        }
        if (earlier.ResponseStatus is not { } status)
        {
            await Problem(http, 409, "The first request with this Idempotency-Key is still being handled",
                "Send the same request again in a moment to get its answer. Nothing new was saved.");
            return;
        }
        http.Response.StatusCode = status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.ResponseLocation is { } location)
        {
            http.Response.Headers.Location = location;
        }
        if (earlier.ResponseContentType is { } type)
        {
            http.Response.ContentType = type;
        }
        if (!string.IsNullOrEmpty(earlier.ResponseBody))
        {
            await http.Response.WriteAsync(earlier.ResponseBody);
        }
    }

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
}

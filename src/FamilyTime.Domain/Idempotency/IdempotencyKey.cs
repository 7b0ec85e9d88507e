namespace FamilyTime.Domain.Idempotency;

/// <summary>
/// A client's Idempotency-Key for one creating request, kept for a day: what was asked (method, address and a hash of
/// the body) and, once answered, the answer itself, so a retry gets the same answer instead of a second record.
/// The row is saved in the same transaction as the record the request creates; the answer is filled in just after.
/// </summary>
public sealed class IdempotencyKey
{
    /// <summary>How long a key is remembered: a client retrying after that makes a new record.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const int MaxKeyLength = 255;

    private IdempotencyKey()
    {
        Key = AccountId = Request = BodyHash = "";
    }

    public IdempotencyKey(string accountId, string key, string request, string bodyHash, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        AccountId = accountId;
        Key = key;
        Request = request;
        BodyHash = bodyHash;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
    }

    public Guid Id { get; private set; }
    public string AccountId { get; private set; }
    public string Key { get; private set; }

    /// <summary>The method and path, like "POST /api/v1/children": the same key on another address is another request.</summary>
    public string Request { get; private set; }

    /// <summary>SHA-256 of the body, hex: the same key with another body is refused, not replayed.</summary>
    public string BodyHash { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Null until the first request's answer is kept (in flight, or the server stopped in between).</summary>
    public int? ResponseStatus { get; private set; }
    public string? ResponseContentType { get; private set; }
    public string? ResponseLocation { get; private set; }
    public string? ResponseBody { get; private set; }

    public bool SameRequest(string request, string bodyHash) =>
        string.Equals(Request, request, StringComparison.Ordinal) && string.Equals(BodyHash, bodyHash, StringComparison.Ordinal);
}

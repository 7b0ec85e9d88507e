using FamilyTime.Domain.Common;

namespace FamilyTime.Web.Infrastructure;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>What a use case answers, for the page and the API alike to turn into their own response.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Errors, string? Message)
{
    /// <summary>
    /// What clashed, in a few words, when the refusal is not an edit of a stale record (a room booked a moment ago by
    /// someone else): the API's problem title, instead of "The record has changed". Null for the usual conflict.
    /// </summary>
    public string? Title { get; init; }

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, default, errors.ByField, null);
    public static Outcome<T> Invalid(string field, string message) => Invalid(new ValidationErrors().Add(field, message));
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, null);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    /// <summary>The same refusal, as the outcome of another use case (not for <see cref="OutcomeKind.Ok"/>, whose value would be lost).</summary>
    public Outcome<TOther> As<TOther>() => Kind == OutcomeKind.Ok
        ? throw new InvalidOperationException("Only a refusal can be passed on as another outcome.")
        : new(Kind, default, Errors, Message) { Title = Title };

    /// <summary>A clash with what is already saved (the room is booked then): <paramref name="title"/> says what clashed, <paramref name="message"/> the detail.</summary>
    public static Outcome<T> Clash(string title, string message) => new(OutcomeKind.Conflict, default, null, message) { Title = title };

    public static Outcome<T> Conflict() => new(OutcomeKind.Conflict, default, null,
        "Someone else changed this record after you opened it. Reload it to see their changes, then make yours again.");
}

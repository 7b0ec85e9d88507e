using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Carers;

/// <summary>
/// How the child and someone in their family were in touch between sessions (guidance section 6: telephone, text,
/// letters and social media "should be monitored by carers to ensure that the child is not being unduly influenced or
/// distressed").
/// </summary>
public enum IndirectContactKind
{
    PhoneCall = 1,
    VideoCall = 2,

    /// <summary>A text or a message in an app.</summary>
    Message = 3,

    /// <summary>A letter, card or parcel, by post or through the service.</summary>
    Letter = 4,

    /// <summary>Planned or agreed contact on social media.</summary>
    SocialMedia = 5,

    /// <summary>Contact online that was not part of the plan: a friend request, a message out of the blue, a post about the child.</summary>
    UnplannedOnline = 6,
}

/// <summary>
/// One entry in the carer's log of indirect contact: what kind, when, with whom, what happened, how the child was and
/// what the carer did. It reaches the social worker; unplanned contact online, or an entry the carer marks as
/// worrying, reaches them as urgent, because it can mean the child's home is known.
/// </summary>
public sealed class IndirectContactEntry
{
    public const int TextLength = 2000;
    public const int WhoLength = 200;

    private IndirectContactEntry() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public IndirectContactKind Kind { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime HappenedAt { get; private set; }

    /// <summary>One of the child's significant people; null when it was someone else or the carer does not know who.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>Who, in the carer's words, when not one of the child's people ("an account called …", "unknown").</summary>
    public string? SomeoneElse { get; private set; }
    public string WhatHappened { get; private set; } = "";
    public string HowChildWas { get; private set; } = "";
    public string WhatCarerDid { get; private set; } = "";

    /// <summary>The carer wants the social worker to know today.</summary>
    public bool Worried { get; private set; }
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>Unplanned contact online, or something that worried the carer: the social worker should hear today.</summary>
    public bool IsUrgent => IsUrgentKind(Kind) || Worried;

    public static bool IsUrgentKind(IndirectContactKind kind) => kind == IndirectContactKind.UnplannedOnline;

    /// <summary>
    /// Checks and makes an entry. <paramref name="id"/> comes from the form or the API caller, so a retried post
    /// finds the entry it already made instead of logging the same call twice.
    /// </summary>
    public static (IndirectContactEntry? Entry, ValidationErrors Errors) Log(Guid id, Guid childId, IndirectContactDraft draft,
        IReadOnlyCollection<Guid> childsPeople, string byUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(childsPeople);
        var errors = new ValidationErrors();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(Kind), "Choose how they were in touch");
        }
        if (draft.HappenedAt is not { } at)
        {
            errors.Add(nameof(HappenedAt), "Enter when it happened");
        }
        else if (at > now.AddMinutes(5))
        {
            errors.Add(nameof(HappenedAt), "When it happened must be now or in the past");
        }
        var someoneElse = Text.Clean(draft.SomeoneElse);
        if (draft.PersonId is { } person && !childsPeople.Contains(person))
        {
            errors.Add(nameof(PersonId), "Choose one of the people listed, or someone else");
        }
        else if (draft.PersonId is null && draft.SomeoneElseChosen != true)
        {
            errors.Add(nameof(PersonId), "Choose who it was with, or someone else or you don't know");
        }
        errors.MaxLength(nameof(SomeoneElse), someoneElse, WhoLength, "Who it was");
        errors.Required(nameof(WhatHappened), Text.Clean(draft.WhatHappened), "Say what happened");
        errors.MaxLength(nameof(WhatHappened), Text.Clean(draft.WhatHappened), TextLength, "What happened");
        errors.Required(nameof(HowChildWas), Text.Clean(draft.HowChildWas), "Say how the child was");
        errors.MaxLength(nameof(HowChildWas), Text.Clean(draft.HowChildWas), TextLength, "How the child was");
        errors.Required(nameof(WhatCarerDid), Text.Clean(draft.WhatCarerDid), "Say what you did, or that nothing was needed");
        errors.MaxLength(nameof(WhatCarerDid), Text.Clean(draft.WhatCarerDid), TextLength, "What you did");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new IndirectContactEntry
        {
            Id = id == Guid.Empty ? Guid.NewGuid() : id,
            ChildId = childId,
            Kind = draft.Kind!.Value,
            HappenedAt = draft.HappenedAt!.Value,
            PersonId = draft.PersonId,
            SomeoneElse = draft.PersonId is null ? someoneElse : null,
            WhatHappened = Text.Clean(draft.WhatHappened)!,
            HowChildWas = Text.Clean(draft.HowChildWas)!,
            WhatCarerDid = Text.Clean(draft.WhatCarerDid)!,
            Worried = draft.Worried,
            RecordedById = byUserId,
            RecordedAt = now,
        }, errors);
    }
}

/// <summary>An entry as the carer writes it, before it is checked. <see cref="SomeoneElseChosen"/> is "someone else, or I don't know".</summary>
public sealed record IndirectContactDraft(
    IndirectContactKind? Kind,
    DateTime? HappenedAt,
    Guid? PersonId,
    bool? SomeoneElseChosen,
    string? SomeoneElse,
    string? WhatHappened,
    string? HowChildWas,
    string? WhatCarerDid,
    bool Worried);

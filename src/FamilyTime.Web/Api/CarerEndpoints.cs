using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Portal.Carer;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// A carer's log entry. id: made by the caller (a retried request with the same id logs once); kind: PhoneCall,
/// VideoCall, Message, Letter, SocialMedia or UnplannedOnline; personId: one of the child's people, or null for
/// someone else or unknown (say who in someoneElse if known); worried: the social worker should know today.
/// </summary>
public sealed record IndirectContactRequest(Guid? Id, [property: NamesOf(typeof(IndirectContactKind))] string? Kind, DateTimeOffset? HappenedAt, Guid? PersonId, string? SomeoneElse,
    string? WhatHappened, string? HowChildWas, string? WhatCarerDid, bool Worried = false);

/// <summary>How the carer wants to hear about changes: e-mail, text or both, and a phone call before an early return.</summary>
public sealed record AlertPreferencesRequest(bool ByEmail, bool ByText, bool PhoneBeforeEarlyReturn);

public static class CarerEndpoints
{
    public static void MapCarerEndpoints(this RouteGroupBuilder api)
    {
        var carer = api.MapGroup("/carer").WithTags("Carers");
        carer.MapGet("/whats-next", WhatsNext).PortalOnly()
            .WithSummary("For a carer: each child living with them now, their next sessions (date, time, where, with whom, who supervises, transport) and the held sessions whose before and after are still to record.");
        carer.MapGet("/alert-preferences", ReadPreferences).PortalOnly()
            .WithSummary("How the carer hears that family time was cancelled, moved or ended early.");
        carer.MapPut("/alert-preferences", SavePreferences).PortalOnly()
            .WithSummary("Chooses e-mail, text or both (at least one), and whether to be phoned before an early return.").ProducesValidationProblem();

        var child = api.MapGroup("/children/{id:guid}").WithTags("Carers");
        child.MapGet("/carer", ForChild).ForChild(ChildOperation.ViewAsCarer)
            .WithSummary("One child's family time as the carer they live with sees it.");
        child.MapGet("/indirect-contact", ReadLog).ForChild(ChildOperation.ViewIndirectContact)
            .WithSummary("The carers' log of calls, messages, letters and contact online, newest first.");
        child.MapPost("/indirect-contact", Log).ForChild(ChildOperation.LogIndirectContact)
            .WithSummary("Logs a call, message, letter or contact online; it reaches the social worker as a task (urgent for unplanned contact online or when worried).")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<CarerChild>>, ProblemHttpResult>> WhatsNext(ClaimsPrincipal user, CarerFamilyTime reader, CancellationToken ct) =>
        user.IsInRole(Roles.Carer)
            ? TypedResults.Ok(await reader.ForHouseholdAsync(user.Actor(), CarerFamilyTime.OnChildPage, ct))
            : ApiResults.NotFound();

    private static async Task<Results<Ok<CarerChild>, ProblemHttpResult>> ForChild(ChildContext child, CarerFamilyTime reader, CancellationToken ct) =>
        await reader.ForChildAsync(child, ct) is { } read ? TypedResults.Ok(read) : ApiResults.NotFound();

    private static async Task<Results<Ok<AlertPreferencesView>, ProblemHttpResult>> ReadPreferences(ClaimsPrincipal user, AlertPreferences preferences, CancellationToken ct) =>
        await preferences.ReadAsync(user.Actor(), ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Ok<AlertPreferencesView>, ProblemHttpResult>> SavePreferences(AlertPreferencesRequest body, ClaimsPrincipal user, AlertPreferences preferences, CancellationToken ct) =>
        ApiResults.From(await preferences.SaveAsync(user.Actor(), new AlertChoices { ByEmail = body.ByEmail, ByText = body.ByText, PhoneBeforeEarlyReturn = body.PhoneBeforeEarlyReturn }, ct),
            view => TypedResults.Ok(view));

    private static async Task<Ok<IReadOnlyList<IndirectContactRow>>> ReadLog(ChildContext child, IndirectContactLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ReadAsync(child, ct));

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Log(IndirectContactRequest body, ChildContext child, IndirectContactLog log, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var kind = EnumInput.Parse<IndirectContactKind>(body.Kind, "Kind", "kind", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var draft = new IndirectContactDraft(kind, body.HappenedAt?.UtcDateTime, body.PersonId, body.PersonId is null, body.SomeoneElse,
            body.WhatHappened, body.HowChildWas, body.WhatCarerDid, body.Worried);
        return ApiResults.From(await log.LogAsync(child, body.Id ?? Guid.Empty, draft, ct),
            id => TypedResults.Created($"/api/v1/children/{child.ChildId}/indirect-contact", new CreatedId(id)));
    }
}

using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Feedback;
using FamilyTime.Web.Features.Plans.Letters;
using FamilyTime.Web.Features.Portal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A child's family time as their parent reads it: the sessions in the two windows asked for.</summary>
public sealed record FamilySessionsDto(Guid ChildId, string Name, DateOnly PastFrom, DateOnly UpcomingUntil, IReadOnlyList<FamilySession> Upcoming, IReadOnlyList<FamilySession> Past);

/// <summary>The written agreement for each of the parent's own arrangements with the child, and who to contact.</summary>
public sealed record FamilyAgreementDto(Guid ChildId, string Name, string FamilyTimeName, IReadOnlyList<FamilyAgreement> Agreements, FamilyContacts Contacts);

/// <summary>
/// The parent's portal as JSON (issue 11, item 10), under the same rules as the pages: portal users only, a child's
/// routes for the child's own family (anyone else is answered 404), only the sessions of arrangements the parent's
/// own people are in, nothing about the child's home, carers or school, staff words through the family guard. The
/// staff routes (/children/{id}/sessions, /children/{id}/plan) stay staff-only and answer a parent 404.
/// Shared notes and replies are under /portal/records.
/// </summary>
public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal/children").WithTags("Portal");
        portal.MapGet("", Front).PortalOnly()
            .WithSummary("Your children, each with their next family time; 'next' is the soonest across them; 'newNotes' counts shared notes you have not read.");
        portal.MapGet("/{id:guid}/sessions", Sessions).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Your family time with the child: 'upcoming' for the next 'weeks' (default 8, at most 53) and 'past' for the last 'pastWeeks' (default 12, at most 104). Each session's 'link' is its portal page.");
        portal.MapGet("/{id:guid}/agreement", Agreement).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Your written agreement for each of your arrangements with the child (why it is supervised, what would need to change, the terms, your latest letter) and who to contact.");
        portal.MapGet("/{id:guid}/letters/{documentId:guid}", Letter).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Your letter as the PDF that was kept. 409 when it cannot be shown today: your social worker will send it.")
            .Produces<Stream>(200, "application/pdf")
            .ProducesProblem(409);
        api.MapGroup("/portal/feedback").WithTags("Portal").MapGet("", Feedback).PortalOnly()
            .WithSummary("The feedback you have given, newest first: whether it has been read, and the answer with how it was given ('canTakeFurther': a complaint you can take to the council's complaints procedure).");
    }

    private static async Task<Ok<IReadOnlyList<FamilyFeedbackItem>>> Feedback(ClaimsPrincipal user, FamilyFeedback feedback, CancellationToken ct) =>
        TypedResults.Ok(await feedback.MineAsync(user.Scope(), ct));

    private static async Task<Ok<FamilyFront>> Front(ClaimsPrincipal user, ParentFamilyTime family, CancellationToken ct) =>
        TypedResults.Ok(await family.FrontAsync(user.Actor(), ct));

    private static async Task<Ok<FamilySessionsDto>> Sessions(ChildContext child, ParentFamilyTime family, CancellationToken ct, int? weeks = null, int? pastWeeks = null)
    {
        var v = await family.ChildAsync(child, weeks, pastWeeks, ct);
        return TypedResults.Ok(new FamilySessionsDto(v.ChildId, v.Name, v.PastFrom, v.UpcomingUntil, v.Upcoming, v.Past));
    }

    private static async Task<Ok<FamilyAgreementDto>> Agreement(ChildContext child, ParentFamilyTime family, CancellationToken ct)
    {
        var v = await family.ChildAsync(child, null, null, ct);
        var agreements = v.Agreements.Select(a => a with
        {
            Letter = a.Letter is { } l ? l with { Link = $"/api/v1/portal/children/{child.ChildId}/letters/{l.DocumentId}" } : null,
        }).ToList();
        return TypedResults.Ok(new FamilyAgreementDto(v.ChildId, v.Name, v.FamilyTimeName, agreements, v.Contacts));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Letter(ChildContext child, Guid documentId, FamilyLetters letters, CancellationToken ct) =>
        await letters.ReadAsync(child, documentId, ct) switch
        {
            null => ApiResults.NotFound(),
            { Pdf: { } pdf } l => TypedResults.File(pdf, "application/pdf", LetterPdf.FileName("letter", l.Number)),
            _ => TypedResults.Problem(statusCode: 409, title: "Your letter is being updated", detail: "Your social worker will send it to you."),
        };
}

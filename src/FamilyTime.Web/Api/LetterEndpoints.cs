using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Letters;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans.Letters;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// A family member's letter about one arrangement as it reads today: the HTML the page shows, and what in it would
/// tell the family where the child lives ('leaks': while there are any, it can be neither downloaded nor sent).
/// </summary>
public sealed record LetterDto(Guid ArrangementId, Guid PersonId, string RecipientName, string Html, IReadOnlyList<string> Leaks,
    string? TranslateInto, string? Email, string? Address, IReadOnlyList<IssuedLetter> Issued);

/// <summary>How this version is sent: Email, Post or ByHand (needed: the letter is recorded as sent that way today).</summary>
public sealed record LetterSentRequest([property: NamesOf(typeof(LetterDelivery))] string? SendBy);

/// <summary>The letters to a child's family, as the letter page: read it, download it as PDF, keep and send a version, fetch a version as sent.</summary>
public static class LetterEndpoints
{
    public static void MapLetterEndpoints(this RouteGroupBuilder api)
    {
        var letter = api.MapGroup("/children/{id:guid}/plan/arrangements/{arrangementId:guid}/letters/{personId:guid}").WithTags("Letters");
        letter.MapGet("", Read).ForChild(ChildOperation.ViewCase)
            .WithSummary("The letter to one family member about one arrangement, as HTML, with the versions kept.").ProducesProblem(403);
        letter.MapGet("/pdf", Pdf).ForChild(ChildOperation.ViewCase)
            .WithSummary("The letter as it reads today, as a PDF. 409 while it would tell the family where the child lives.")
            .Produces<Stream>(200, "application/pdf").ProducesProblem(403).ProducesProblem(409);
        letter.MapPost("/sent", Send).ForChild(ChildOperation.EditPlan)
            .WithSummary("Keep this version of the letter as sent today, and how. Refused while it would tell the family where the child lives; 409 when someone kept a version a moment earlier.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        api.MapGet("/children/{id:guid}/letters/{documentId:guid}", Stored).WithTags("Letters").ForChild(ChildOperation.ViewCase)
            .WithSummary("A version of a letter exactly as it was sent, as a PDF.")
            .Produces<Stream>(200, "application/pdf").ProducesProblem(403);
    }

    private static async Task<Results<Ok<LetterDto>, ProblemHttpResult>> Read(Guid arrangementId, Guid personId, ChildContext child, ParentLetters letters, CancellationToken ct)
    {
        if (await letters.DraftAsync(child, arrangementId, personId, ct) is not { } draft)
        {
            return ApiResults.NotFound();
        }
        return TypedResults.Ok(new LetterDto(arrangementId, personId, draft.RecipientName, draft.Html, draft.Leaks, draft.TranslateInto, draft.Email, draft.Address,
            await letters.IssuedAsync(arrangementId, personId, ct)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(Guid arrangementId, Guid personId, ChildContext child, ParentLetters letters, CancellationToken ct)
    {
        if (await letters.DraftAsync(child, arrangementId, personId, ct) is not { } draft)
        {
            return ApiResults.NotFound();
        }
        if (draft.Leaks.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The letter would tell the family where the child lives",
                detail: $"The letter mentions {string.Join(" and ", draft.Leaks)}. Change the arrangement's wording first.");
        }
        return TypedResults.File(LetterPdf.Render(draft.Content), "application/pdf", LetterPdf.FileName(draft.RecipientName, null));
    }

    private static async Task<Results<Created<IssuedLetter>, ProblemHttpResult>> Send(Guid arrangementId, Guid personId, LetterSentRequest body, ChildContext child,
        RecordLetterSent send, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        // Never assumed: a letter recorded as handed over that was not would mislead whoever reads the plan.
        var by = EnumInput.Required<LetterDelivery>(body.SendBy, "SendBy", "way of sending", "Say how the letter is sent: Email, Post or ByHand", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await send.HandleAsync(child, arrangementId, personId, by, ct),
            sent => TypedResults.Created($"/api/v1/children/{child.ChildId}/letters/{sent.Id}", sent));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Stored(Guid documentId, ChildContext child, ParentLetters letters, CancellationToken ct) =>
        await letters.StoredPdfAsync(child, documentId, ct) is { } stored
            ? TypedResults.File(stored.Pdf, "application/pdf", LetterPdf.FileName("letter", stored.Number))
            : ApiResults.NotFound();
}

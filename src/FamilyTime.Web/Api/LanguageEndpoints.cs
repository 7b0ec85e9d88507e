using FamilyTime.Domain.Common;
using FamilyTime.Domain.Language;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Language;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Text to check (up to 20,000 characters), and the child's own word for family time if they have one.</summary>
public sealed record LanguageCheckRequest(string? Text, string? ChildsWord);

/// <summary>
/// What the check found: each word or phrase with where it is in the text (start and length, in UTF-16 code units as
/// the text was sent), why it may hurt or confuse, and words to use instead. An empty list: nothing to change.
/// </summary>
public sealed record LanguageAdviceDto(IReadOnlyList<WordAdvice> Advice);

/// <summary>The language check of /Language/Check, for a case system that wants to check its own records' words.</summary>
public static class LanguageEndpoints
{
    public static void MapLanguageEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/language/check", Check).WithTags("Language").StaffOnly()
            .WithSummary("Checks text for words that blame, label or confuse (the guidance's language), with why and what to say instead. Nothing is stored.")
            .ProducesValidationProblem();

    private static Results<Ok<LanguageAdviceDto>, ProblemHttpResult> Check(LanguageCheckRequest body, LanguageCheck check)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return ApiResults.Invalid(new ValidationErrors().Add("Text", "Send the text to check").ByField);
        }
        if (body.Text.Length > CheckModel.MaxText)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("Text", $"The text must be {CheckModel.MaxText:N0} characters or fewer; check it in parts").ByField);
        }
        return TypedResults.Ok(new LanguageAdviceDto(check.Check(body.Text, body.ChildsWord)));
    }
}

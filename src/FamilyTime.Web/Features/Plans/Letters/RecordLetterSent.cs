using FamilyTime.Domain.Letters;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>
/// Keeps this version of a family member's letter, as HTML and PDF, and sends it the way the worker chose (e-mail,
/// post, or handed over today). A letter that would tell the family where the child lives is refused.
/// </summary>
public sealed class RecordLetterSent(ParentLetterIssuer issuer, AuditedSave audit)
{
    public async Task<Outcome<IssuedLetter>> HandleAsync(ChildContext child, Guid arrangementId, Guid personId, CancellationToken ct) =>
        await HandleAsync(child, arrangementId, personId, null, ct);

    public async Task<Outcome<IssuedLetter>> HandleAsync(ChildContext child, Guid arrangementId, Guid personId, LetterDelivery? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (await issuer.StageAsync(child, arrangementId, personId, "Sent from the letter page", by ?? LetterDelivery.ByHand, ct) is not { } issued)
        {
            return Outcome<IssuedLetter>.NotFound();
        }
        if (issued.PostRefused is { } refused)
        {
            return Outcome<IssuedLetter>.Invalid("SendBy", $"GOV.UK Notify cannot post this letter: {refused} Send it another way.");
        }
        if (issued.Letter is null)
        {
            return Outcome<IssuedLetter>.Invalid("", $"The letter mentions {string.Join(" and ", issued.Leaks)}, which tells the family where the child lives. Take it out of the arrangement's wording, then send the letter.");
        }
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, [issued.Note!], ct);
        }
        catch (DbUpdateException)
        {
            // Someone kept the same version number a moment earlier: theirs stands, this one asks to look again.
            return Outcome<IssuedLetter>.Conflict();
        }
        return Outcome<IssuedLetter>.Ok(issued.Letter);
    }
}

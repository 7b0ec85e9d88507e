using System.Security.Cryptography;
using System.Text;
using FamilyTime.Data;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Api;

/// <summary>A delivery receipt as GOV.UK Notify posts it to a service's callback: <c>reference</c> is the outbox message's id.</summary>
public sealed record NotifyReceipt(string? Id, string? Reference, string? To, string? Status);

/// <summary>
/// GOV.UK Notify's delivery receipts (its callback): "Sent" meant only that Notify accepted a text or an e-mail; the
/// receipt says whether it arrived, and a failure shows on the outbox page with what to do. Notify proves itself with the
/// bearer token set on both sides (<c>Notifications:Sms:Notify:CallbackToken</c>, or the e-mail's), compared in constant
/// time; without one configured the address answers 404.
/// </summary>
public static class NotifyReceiptEndpoints
{
    public const string Path = "/notify/delivery-receipts";

    public static void MapNotifyReceiptEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost(Path, Receive).AllowAnonymous().WithTags("Notifications")
            .WithSummary("GOV.UK Notify's delivery receipt for a text, an e-mail or a letter (its callback, with the bearer token set on both sides): delivered or posted, or the failure.")
            .ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Receive(NotifyReceipt body, HttpContext http, IOptions<SmsDeliveryOptions> sms, IOptions<EmailDeliveryOptions> email,
        IOptions<PostDeliveryOptions> post, FamilyTimeDbContext db, CancellationToken ct)
    {
        // Texts, e-mails and letters may go through different Notify services, each with its callback token.
        var tokens = new[] { sms.Value.Notify.CallbackToken, email.Value.Notify.CallbackToken, post.Value.Notify.CallbackToken }.OfType<string>().Where(t => t.Length >= 10).ToList();
        if (tokens.Count == 0)
        {
            return ApiResults.NotFound();
        }
        var given = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
        if (!tokens.Any(t => CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes("Bearer " + t))))
        {
            return TypedResults.Problem(statusCode: 401, title: "Not Notify", detail: "A delivery receipt needs the callback's bearer token.");
        }
        if (!Guid.TryParse(body.Reference, out var messageId) || string.IsNullOrWhiteSpace(body.Status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reference"] = ["Send the reference the text was sent with, and its status"] },
                title: "The receipt could not be read");
        }
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null)
        {
            return ApiResults.NotFound();
        }
        if (message.ReceiptFromNotify(body.Status.Trim()))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The dispatcher or another receipt changed it a moment ago: Notify sends the receipt again on failure.
                return TypedResults.Problem(statusCode: 409, title: "Try again", detail: "The message changed while the receipt was read.");
            }
        }
        return TypedResults.NoContent();
    }
}

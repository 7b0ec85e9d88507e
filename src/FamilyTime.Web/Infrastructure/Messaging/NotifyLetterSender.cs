using System.Text.Json.Serialization;
using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Features.Plans.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// Sends letters for the post to GOV.UK Notify's precompiled-letter API, which prints and posts the PDF. A family
/// member's plan letter goes as the very PDF kept as its version (its outbox key is "letter:{document id}"), so what
/// was posted is what the record shows; any other letter (a suspension or change notice) is laid out from the
/// message's words, which passed the family guard on their way into the outbox. Both put the address where Notify
/// reads it (<see cref="PostalLayout"/>).
/// </summary>
public sealed class NotifyLetterSender(FamilyTimeDbContext db, IOptions<PostDeliveryOptions> options, IConfiguration config, IHttpClientFactory http, TimeProvider clock)
    : IMessageSender
{
    public const string PlanLetterKeyPrefix = "letter:";

    public Channel Channel => Channel.Post;

    public async Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = PostalAddress.Lines(message.RecipientName, message.To);
        if (PostalAddress.Problem(address) is { } problem)
        {
            // Notify would accept the PDF and fail it later as "validation-failed"; saying so now tells the worker
            // what to put right while the letter is still theirs to send.
            throw new DeliveryRefusedException($"Not sent to GOV.UK Notify: {problem} Correct the address on the record, or print the letter and hand it over.");
        }
        var pdf = await KeptPdfAsync(message, ct) ?? Render(message, address);
        var post = options.Value;
        await NotifyApi.PostAsync(http, post.Notify, PostDeliveryOptions.Section, "v2/notifications/letter",
            new NotifyPrecompiledLetter(message.Id.ToString(), Convert.ToBase64String(pdf), post.Postage), clock.GetUtcNow(), ct);
        return DeliveryStatus.Sent;
    }

    private async Task<byte[]?> KeptPdfAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!message.Key.StartsWith(PlanLetterKeyPrefix, StringComparison.Ordinal) || !Guid.TryParse(message.Key.AsSpan(PlanLetterKeyPrefix.Length), out var documentId))
        {
            return null;
        }
        return await db.PlanDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Pdf).FirstOrDefaultAsync(ct);
    }

    private byte[] Render(OutboxMessage message, IReadOnlyList<string> address)
    {
        var lines = message.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var written = DateOnly.FromDateTime(LondonTime.ToLondon(message.CreatedAt));
        return LetterPdf.Render(new LetterContent(config["Council:Name"] ?? "Children's services", message.Subject, written, "",
            [new LetterSection(null, lines)], "", "", address));
    }

    // The reference is the outbox message's ID (never a name: Notify shows references to its users), so a letter in
    // Notify's own log and its receipt lead back to the row here.
    private sealed record NotifyPrecompiledLetter(
        [property: JsonPropertyName("reference")] string Reference,
        [property: JsonPropertyName("content")] string Content,
        [property: JsonPropertyName("postage")] string Postage);
}

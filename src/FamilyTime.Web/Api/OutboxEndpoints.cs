using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>One e-mail, text or letter with its words, as the outbox page shows it.</summary>
public sealed record OutboxMessageDto(Guid Id, Channel Channel, string To, string RecipientName, string Subject, string Body, Guid? ChildId,
    DateTime CreatedAt, DeliveryStatus Status, int Attempts, DateTime? SentAt, string? LastError);

/// <summary>
/// The outbox for administrators, as /Admin/Outbox: the list leaves out the words (they may be about a child);
/// reading one message gives them and is written to the audit log.
/// </summary>
public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/admin/outbox").WithTags("Administration").StaffOnly(Roles.Administrator).ProducesProblem(403);
        outbox.MapGet("", List)
            .WithSummary($"Every e-mail, text and letter the service has sent, kept or failed to send, newest first, {OutboxLog.PageSize} to a page; filter by 'status' and 'channel'.")
            .ProducesValidationProblem();
        outbox.MapGet("/{messageId:guid}", Read)
            .WithSummary("One message with its words; the reading is audited.");
    }

    private static async Task<Results<Ok<OutboxPage>, ProblemHttpResult>> List(OutboxLog log, CancellationToken ct,
        [NamesOf(typeof(DeliveryStatus))] string? status = null, [NamesOf(typeof(Channel))] string? channel = null, int page = 1)
    {
        var errors = new ValidationErrors();
        var statusFilter = EnumInput.Parse<DeliveryStatus>(status, "Status", "status", errors);
        var channelFilter = EnumInput.Parse<Channel>(channel, "Channel", "channel", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return TypedResults.Ok(await log.ListAsync(statusFilter, channelFilter, page, ct));
    }

    private static async Task<Results<Ok<OutboxMessageDto>, ProblemHttpResult>> Read(Guid messageId, ClaimsPrincipal user, OutboxLog log, CancellationToken ct) =>
        await log.ReadAsync(user.Actor(), messageId, ct) is { } m
            ? TypedResults.Ok(new OutboxMessageDto(m.Id, m.Channel, m.To, m.RecipientName, m.Subject, m.Body, m.ChildId, m.CreatedAt, m.Status, m.Attempts, m.SentAt, m.LastError))
            : ApiResults.NotFound();
}

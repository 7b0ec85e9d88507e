using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using System.Security.Claims;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Records;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// A session record. Times are "HH:mm"; observations are the codes of the child's age band (see the record page);
/// a correction also sends 'correctionReason' and the record's 'version'.
/// </summary>
public sealed record RecordRequest(
    string? ParentArrivedAt, string? StartedAt, string? EndedAt, string? WhoAttended, IReadOnlyList<string>? Observations,
    string? Interaction, string? Positives, string? Concerns, string? ChildsWords, bool EndedEarly, string? EndedEarlyReason,
    string? Debrief, string? Analysis, string? AssessedAttunement, string? AssessedBoundaries, string? AssessedSafety, string? AssessedWarmth,
    string? CorrectionReason, int? Version);

public sealed record CloseRequest([property: NamesOf(typeof(SessionStatus))] string? Outcome, string? Reason,
    [property: NamesOf(typeof(ServiceCancellationReason))] string? CancellationReason = null);

public sealed record ReplyRequest(string? Text);

/// <summary>Sharing names the version the worker checked in the share preview; a later correction must be checked again.</summary>
public sealed record ShareRequest(int? Version);

/// <summary>What one family member will read of the record's current version; pieces with 'what' set are taken out.</summary>
public sealed record SharePreviewDto(int Version, IReadOnlyList<SharePreview> People);

public sealed record RecordVersionDto(int Number, DateTime WrittenAt, string WrittenBy, string? CorrectionReason, RecordContent Content);

/// <summary>The session record that was corrected; read it again for its new version.</summary>
public sealed record RecordCorrected(Guid Id);

public sealed record RecordDto(Guid Id, Guid SessionId, RecordStatus Status, DateOnly ShareBy, DateTime? SharedAt, DateTime? ParentFirstViewedAt, int Version, IReadOnlyList<RecordVersionDto> Versions, IReadOnlyList<ParentReply> Replies);

public static class RecordEndpoints
{
    public static void MapRecordEndpoints(this RouteGroupBuilder api)
    {
        var session = api.MapGroup("/children/{id:guid}/sessions/{sessionId:guid}").WithTags("Records");
        session.MapGet("/record", Get).ForChild(ChildOperation.ViewSessions).WithSummary("A session's record with every version and the family's replies.");
        session.MapPost("/record", Submit).ForChild(ChildOperation.WriteRecord).WithSummary("Submit the record (version 1); it goes to the social worker's inbox.").ProducesValidationProblem().ProducesProblem(403);
        session.MapPost("/record/corrections", Correct).ForChild(ChildOperation.WriteRecord).WithSummary("Correct the record: a new version with its reason; earlier versions stay.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        session.MapPost("/record/acknowledge", Acknowledge).ForChild(ChildOperation.ShareWithFamily).WithSummary("The social worker has read the record.").ProducesProblem(403);
        session.MapGet("/record/share-preview", SharePreview).ForChild(ChildOperation.ShareWithFamily).WithSummary("Exactly what each family member will read of the current version, with what would be taken out marked: check it before sharing.").ProducesProblem(403);
        session.MapPost("/record/share", Share).ForChild(ChildOperation.ShareWithFamily).WithSummary("Share the version checked in the share preview ('version'); third parties and where the child lives are taken out.").ProducesValidationProblem().ProducesProblem(403);
        session.MapPost("/close", Close).ForChild(ChildOperation.ShareWithFamily).WithSummary("Close a session off: TookPlace, CancelledByParent, CancelledByCarer, CancelledByAuthority, ParentDidNotAttend, ChildDeclined, Rearranged, Suspended or IndirectContact. CancelledByAuthority needs a cancellationReason from the coded list.")
            .ProducesValidationProblem().ProducesProblem(403);

        var portal = api.MapGroup("/portal/records").WithTags("Portal");
        portal.MapGet("", Shared).PortalOnly().WithSummary("The records shared with you (parents).");
        portal.MapGet("/{recordId:guid}", OpenShared).PortalOnly().WithSummary("One shared record; the first opening is stamped.");
        portal.MapPost("/{recordId:guid}/replies", Reply).PortalOnly().Idempotent().WithSummary("Your reply, kept beside the record; the record never changes.").ProducesValidationProblem();
    }

    private static async Task<Results<Ok<RecordDto>, ProblemHttpResult>> Get(Guid sessionId, ChildContext child, ReadRecord read, CancellationToken ct)
    {
        var outcome = await read.HandleAsync(child, sessionId, ct);
        if (outcome.Kind != OutcomeKind.Ok || outcome.Value!.Record is not { } r)
        {
            return ApiResults.NotFound();
        }
        return TypedResults.Ok(new RecordDto(r.Id, r.SessionId, r.Status, r.ShareBy, r.SharedAt, r.ParentFirstViewedAt, r.Version,
            r.Versions.OrderBy(v => v.Number).Select(v => new RecordVersionDto(v.Number, v.WrittenAt, v.WrittenByName, v.CorrectionReason, v.ToContent())).ToList(),
            outcome.Value.Replies));
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Submit(Guid sessionId, RecordRequest body, ChildContext child, SubmitRecord submit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var content = Read(body, SessionFactsLoader.AgeBandOf(child, clock), errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await submit.HandleAsync(child, new SubmitRecordCommand(sessionId, content), ct),
            rid => TypedResults.Created($"/api/v1/children/{child.ChildId}/sessions/{sessionId}/record", new CreatedId(rid)));
    }

    private static async Task<Results<Ok<RecordCorrected>, ProblemHttpResult>> Correct(Guid sessionId, RecordRequest body, ChildContext child, CorrectRecord correct, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var content = Read(body, SessionFactsLoader.AgeBandOf(child, clock), errors);
        if (body.Version is null)
        {
            errors.Add("Version", "Send the version of the record you are correcting");
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await correct.HandleAsync(child, new CorrectRecordCommand(sessionId, content, body.CorrectionReason, body.Version!.Value), ct),
            rid => TypedResults.Ok(new RecordCorrected(rid)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Acknowledge(Guid sessionId, ChildContext child, AcknowledgeRecord acknowledge, CancellationToken ct) =>
        ApiResults.From(await acknowledge.HandleAsync(child, sessionId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ProblemHttpResult>> Share(Guid sessionId, ShareRequest? body, ChildContext child, ShareRecord share, CancellationToken ct) =>
        ApiResults.From(await share.HandleAsync(child, sessionId, body?.Version, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<SharePreviewDto>, ProblemHttpResult>> SharePreview(Guid sessionId, ChildContext child, ParentRecords records, CancellationToken ct) =>
        await records.PreviewAsync(child.ChildId, sessionId, ct) is { } preview
            ? TypedResults.Ok(new SharePreviewDto(preview.Record.Current.Number, preview.People))
            : ApiResults.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> Close(Guid sessionId, CloseRequest body, ChildContext child, CloseSession close, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var outcome = EnumInput.Parse<SessionStatus>(body.Outcome, "Outcome", "outcome", errors);
        // A cancellation by the service names its reason from the coded list (ServiceCancellationReason).
        var code = string.IsNullOrWhiteSpace(body.CancellationReason) ? null
            : EnumInput.Parse<ServiceCancellationReason>(body.CancellationReason, "CancellationReason", "cancellation reason", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await close.HandleAsync(child, new CloseSessionCommand(sessionId, outcome, body.Reason, code), ct), _ => TypedResults.NoContent());
    }

    private static async Task<Ok<IReadOnlyList<SharedRecordSummary>>> Shared(ClaimsPrincipal user, ParentRecords records, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(user.Scope().UserId, ct));

    private static async Task<Results<Ok<SharedRecordView>, ProblemHttpResult>> OpenShared(Guid recordId, ClaimsPrincipal user, ParentRecords records, CancellationToken ct) =>
        await records.OpenAsync(user.Actor(), recordId, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Reply(Guid recordId, ReplyRequest body, ClaimsPrincipal user, ParentRecords records, CancellationToken ct) =>
        ApiResults.From(await records.ReplyAsync(user.Actor(), recordId, body.Text, ct), rid => TypedResults.Created($"/api/v1/portal/records/{recordId}", new CreatedId(rid)));

    private static RecordContent Read(RecordRequest b, AgeBand band, ValidationErrors errors)
    {
        var form = new RecordForm
        {
            ParentArrivedAt = b.ParentArrivedAt, StartedAt = b.StartedAt, EndedAt = b.EndedAt, WhoAttended = b.WhoAttended,
            Observations = b.Observations?.ToList() ?? [], Interaction = b.Interaction, Positives = b.Positives, Concerns = b.Concerns,
            ChildsWords = b.ChildsWords, EndedEarly = b.EndedEarly, EndedEarlyReason = b.EndedEarlyReason, Debrief = b.Debrief, Analysis = b.Analysis,
            AssessedAttunement = b.AssessedAttunement, AssessedBoundaries = b.AssessedBoundaries, AssessedSafety = b.AssessedSafety, AssessedWarmth = b.AssessedWarmth,
        };
        return form.Read(band, errors);
    }
}

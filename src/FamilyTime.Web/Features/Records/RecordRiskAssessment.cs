using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Records;

/// <summary>A full risk assessment for the arrangement of a session: who carried it out, when, and what it concluded.</summary>
public sealed record RecordRiskAssessmentCommand(Guid SessionId, string? AssessedBy, DateOnly? AssessedOn, RiskAssessmentOutcome? Outcome, string? Summary);

/// <summary>
/// Records the risk assessment that opens the risk gate of a session's arrangement (the child's social worker or
/// their team manager). It covers the serious factors ticked on the arrangement now; it is audited and never edited.
/// </summary>
public sealed class RecordRiskAssessment(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, RecordRiskAssessmentCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<Guid>(ChildOperation.EditPlan) is { } refused)
        {
            return refused;
        }
        if (await facts.LoadAsync(child, command.SessionId, ct) is not { Session.ArrangementId: { } arrangementId } f)
        {
            return Outcome<Guid>.NotFound();
        }
        var (assessment, errors) = RiskAssessment.Record(child.ChildId, arrangementId, f.Factors, command.AssessedBy, command.AssessedOn,
            command.Outcome, command.Summary, clock.Today(), clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.RiskAssessments.Add(assessment!);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.RiskAssessment, assessment!.Id, child.ChildId,
            JsonSerializer.Serialize(new { assessment.Kind, assessment.ArrangementId, assessment.AssessedBy, assessment.AssessedOn, assessment.Outcome, Covers = assessment.Covers.Order() }))],
            assessment.Id, ct);
    }
}

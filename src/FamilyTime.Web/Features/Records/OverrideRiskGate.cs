using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Records;

public sealed record OverrideRiskGateCommand(Guid SessionId, string? Reason);

/// <summary>
/// A team manager lets family time go ahead before a full risk assessment, with the reason for the child's file.
/// Only a team manager may; the override is audited with its reason and covers the factors ticked now.
/// </summary>
public sealed class OverrideRiskGate(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, OverrideRiskGateCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<Guid>(ChildOperation.OverrideRiskGate) is { } refused)
        {
            return refused;
        }
        if (await facts.LoadAsync(child, command.SessionId, ct) is not { Session.ArrangementId: { } arrangementId } f)
        {
            return Outcome<Guid>.NotFound();
        }
        var (clearance, errors) = RiskAssessment.Override(child.ChildId, arrangementId, f.Factors, command.Reason, clock.Today(), clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.RiskAssessments.Add(clearance!);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.RiskAssessment, clearance!.Id, child.ChildId,
            JsonSerializer.Serialize(new { clearance.Kind, clearance.ArrangementId, Reason = clearance.Summary, Covers = clearance.Covers.Order() }))],
            clearance.Id, ct);
    }
}

using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Suspensions;

public sealed record Section34ApplicationMade(DateOnly? AdviceOn, string? Advice, DateOnly? AppliedOn, string? Reference);

/// <summary>
/// Refusal must continue past day 7: the legal advice and the section 34(4) application are recorded, and the
/// suspension's tasks are done. Only for a child whom section 34 covers (a care order or an interim care order),
/// read from the child's legal status now; the domain refuses it for anyone else, saying what applies to them.
/// </summary>
public sealed class RecordSection34Application(SuspensionStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid suspensionId, Section34ApplicationMade command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return step.TakeAsync(child, suspensionId, "Section34Application",
            s => s.RecordApplication(command.AdviceOn, command.Advice, command.AppliedOn, command.Reference, clock.Today(), child.LegalStatus), SuspensionFollowUp.Decided, null, ct);
    }
}

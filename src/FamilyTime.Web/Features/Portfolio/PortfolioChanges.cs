using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>A goal or achievement agreed with a person in the child's life.</summary>
public sealed record GoalCommand(Guid PersonId, PortfolioItemKind? Kind, string? Title, string? Detail);

/// <summary>A certificate a parent adds: a title, the day it was awarded, and the file's bytes as read (or why they could not be).</summary>
public sealed record CertificateCommand(string? Title, DateOnly? AwardedOn, byte[]? File, string? FileProblem);

/// <summary>
/// What changes a portfolio: the child's social worker (or their team manager) agrees goals and achievements with
/// a parent and marks goals achieved; the parent adds their own certificates.
/// </summary>
public sealed class PortfolioChanges(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> AddGoalAsync(ChildContext child, GoalCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<Guid>(ChildOperation.AgreeGoals) is { } refused)
        {
            return refused;
        }
        if (!await db.SignificantPeople.AnyAsync(p => p.Id == command.PersonId && p.ChildId == child.ChildId, ct))
        {
            return Outcome<Guid>.Invalid("PersonId", "Choose the person the goal is agreed with");
        }
        var (item, errors) = PortfolioGoal.Add(child.ChildId, command.PersonId, command.Kind, command.Title, command.Detail,
            clock.Today(), child.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (item is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.PortfolioGoals.Add(item);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.PortfolioGoal, item.Id, child.ChildId)], item.Id, ct);
    }

    public async Task<Outcome<Guid>> MarkAchievedAsync(ChildContext child, Guid goalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<Guid>(ChildOperation.AgreeGoals) is { } refused)
        {
            return refused;
        }
        var goal = await db.PortfolioGoals.FirstOrDefaultAsync(g => g.Id == goalId && g.ChildId == child.ChildId, ct);
        if (goal is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = goal.MarkAchieved(clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.PortfolioGoal, goal.Id, child.ChildId, "achieved")], goal.Id, ct);
    }

    public async Task<Outcome<Guid>> AddCertificateAsync(Actor actor, CertificateCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var errors = Certificate.Check(command.Title, command.AwardedOn, clock.Today());
        var now = clock.GetUtcNow().UtcDateTime;
        StoredFile? file = null;
        var problem = command.FileProblem;
        if (problem is null && command.File is not null)
        {
            (file, problem) = StoredFile.From(actor.UserId, command.File, now);
        }
        else if (problem is null)
        {
            problem = "Choose the photo or PDF of the certificate";
        }
        if (problem is not null)
        {
            errors.Add("File", problem);
        }
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var certificate = Certificate.Add(actor.UserId, command.Title!, command.AwardedOn, file!.Id, now);
        db.StoredFiles.Add(file);
        db.Certificates.Add(certificate);
        return await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Create, AuditRecord.Certificate, certificate.Id, null)], certificate.Id, ct);
    }

    /// <summary>A certificate's file, for its owner only; anyone else is answered "not found".</summary>
    public async Task<(Certificate Certificate, StoredFile File)?> CertificateFileAsync(Actor actor, Guid certificateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var uid = actor.UserId;
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId && c.OwnerUserId == uid, ct);
        if (certificate is null || await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == certificate.FileId, ct) is not { } file)
        {
            return null;
        }
        return (certificate, file);
    }
}

using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

/// <summary>
/// A child comes into care. <paramref name="SocialWorkerId"/> may be left empty by a social worker (it is
/// then them); a team manager allocates one of their team.
/// </summary>
public sealed record ComeIntoCareCommand(
    ChildDetails Details,
    LegalStatusDetails Legal,
    PlacementDetails Placement,
    string? SocialWorkerId,
    string? IroId);

public sealed class ComeIntoCare(FamilyTimeDbContext db, UserManager<ApplicationUser> users, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(UserScope user, string userName, ComeIntoCareCommand cmd, CancellationToken ct)
    {
        if (!ChildAccessRules.CanBringIntoCare(user))
        {
            return Outcome<Guid>.Forbidden("Only a social worker or team manager with a team can record a child coming into care.");
        }
        var today = clock.Today();
        var errors = Child.Check(cmd.Details, cmd.Legal, cmd.Placement, today);

        var socialWorkerId = string.IsNullOrWhiteSpace(cmd.SocialWorkerId) && user.Is(Roles.SocialWorker) ? user.UserId : cmd.SocialWorkerId;
        var socialWorker = string.IsNullOrWhiteSpace(socialWorkerId) ? null : await users.FindByIdAsync(socialWorkerId);
        if (socialWorker is null || socialWorker.TeamId != user.TeamId || !await users.IsInRoleAsync(socialWorker, Roles.SocialWorker))
        {
            errors.Add("SocialWorkerId", "Select a social worker from your team");
        }
        if (!string.IsNullOrWhiteSpace(cmd.IroId))
        {
            var iro = await users.FindByIdAsync(cmd.IroId);
            if (iro is null || !await users.IsInRoleAsync(iro, Roles.Iro))
            {
                errors.Add("IroId", "Select an independent reviewing officer from the list");
            }
        }
        if (cmd.Placement is { Kind: PlacementKind.CarerHousehold, CarerHouseholdId: { } household }
            && !await db.CarerHouseholds.AnyAsync(h => h.Id == household, ct))
        {
            errors.Add("CarerHouseholdId", "Select a carer household from the list");
        }
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var child = Child.ComeIntoCare(cmd.Details, cmd.Legal, cmd.Placement, socialWorker!.Id, socialWorker.TeamId!.Value,
            string.IsNullOrWhiteSpace(cmd.IroId) ? null : cmd.IroId, today);
        db.Children.Add(child);
        var changes = System.Text.Json.JsonSerializer.Serialize(new
        {
            child.FirstName, child.LastName, child.DateOfBirth, LegalStatus = child.LegalStatus.ToString(), child.LegalStatusSince,
        });
        await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Create, AuditRecord.Child, child.Id, child.Id, changes), ct);
        return Outcome<Guid>.Ok(child.Id);
    }
}

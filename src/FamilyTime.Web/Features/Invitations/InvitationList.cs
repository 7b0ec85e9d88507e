using FamilyTime.Data;
using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Invitations;

public sealed record InvitationRow(Guid Id, string InviteeName, InvitationKind Kind, InvitationChannel Channel, string SentTo,
    DateTime SentAt, DateTime ExpiresAt, InvitationState State, DateTime? AcceptedAt, DateTime? RevokedAt);

/// <summary>A family member on the child's record with no account yet, who could be invited.</summary>
public sealed record InvitablePerson(Guid Id, string FullName, Relationship Relationship, string? Email, string? Phone);

/// <summary>A portal account linked to the child (a family member's or the young person's own) that the child's editors may suspend.</summary>
public sealed record LinkedAccount(string UserId, string UserName, string Name, InvitationKind Kind, DateTime? SuspendedAt, string? SuspensionReason);

public sealed record ChildInvitations(
    IReadOnlyList<InvitationRow> Invitations,
    IReadOnlyList<InvitablePerson> People,
    IReadOnlyList<LinkedAccount> Accounts,
    bool HasCarers,
    int YoungPersonFromAge,
    int Age,
    bool YoungPersonHasAccount);

/// <summary>The child's invitations with their state, who could still be invited, and the accounts linked to the child.</summary>
public sealed class InvitationList(FamilyTimeDbContext db, TimeProvider clock, IOptions<PortalOptions> options)
{
    public async Task<ChildInvitations> ForAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ChildId == child.ChildId)
            .OrderByDescending(i => i.SentAt).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == child.ChildId)
            .OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName, p.Relationship, p.Email, p.Phone, p.PortalUserId })
            .ToListAsync(ct);
        var youngPersonId = await db.Children.AsNoTracking().Where(c => c.Id == child.ChildId).Select(c => c.YoungPersonUserId).FirstOrDefaultAsync(ct);
        var linkedIds = people.Where(p => p.PortalUserId != null).Select(p => p.PortalUserId!).Append(youngPersonId).OfType<string>().ToList();
        var users = await db.Users.AsNoTracking().Where(u => linkedIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.SuspendedAt, u.SuspensionReason }).ToListAsync(ct);
        var accounts = users.Select(u =>
        {
            var person = people.FirstOrDefault(p => p.PortalUserId == u.Id);
            return new LinkedAccount(u.Id, u.UserName ?? "", person?.FullName ?? child.Name,
                person is null ? InvitationKind.YoungPerson : InvitationKind.FamilyMember, u.SuspendedAt, u.SuspensionReason);
        }).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new ChildInvitations(
            [.. invitations.Select(i => new InvitationRow(i.Id, i.InviteeName, i.Kind, i.Channel, i.SentTo, i.SentAt, i.ExpiresAt, i.StateAt(now), i.AcceptedAt, i.RevokedAt))],
            [.. people.Where(p => p.PortalUserId == null).Select(p => new InvitablePerson(p.Id, p.FullName, p.Relationship, p.Email, p.Phone))],
            accounts,
            child.CurrentCarerHouseholdId is not null,
            options.Value.YoungPersonFromAge,
            AgeOn(child.DateOfBirth, clock.Today()),
            youngPersonId is not null);
    }

    internal static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}

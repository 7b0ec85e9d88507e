using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>A member of staff's account as an administrator sees it.</summary>
public sealed record StaffAccountView(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    Guid? TeamId,
    string? TeamName,
    Guid? AreaId,
    string? AreaName,
    bool Active,
    DateTime? DeactivatedAt,
    string? DeactivationReason,
    bool MfaEnabled,
    bool PasswordSet,
    bool SingleSignOnLinked,
    DateTime? LastSignInAt,
    string Version);

/// <summary>One change to an account, from the audit log, in words.</summary>
public sealed record StaffAccountChange(DateTime At, string UserName, string What);

/// <summary>The staff accounts (every account with a staff role), read for the administrators' pages and API.</summary>
public sealed class StaffDirectory(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken ct)
    {
        var all = await ReadAsync(null, ct);
        return [.. all.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.UserName, StringComparer.Ordinal)];
    }

    public async Task<StaffAccountView?> OneAsync(string id, CancellationToken ct) => await ReadAsync(id, ct) is [var one, ..] ? one : null;

    /// <summary>Every change made to the account, newest first: the audit log's entries about it.</summary>
    public async Task<IReadOnlyList<StaffAccountChange>> HistoryAsync(string id, CancellationToken ct)
    {
        var recordId = Invitations.AccountAudit.RecordId(id);
        var type = nameof(AuditRecord.StaffAccount);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.RecordType == type && e.RecordId == recordId)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.At, e.UserName, e.Action, e.Changes }).ToListAsync(ct);
        return [.. entries.Select(e => new StaffAccountChange(e.At, e.UserName, Describe(e.Action, e.Changes)))];
    }

    /// <summary>"Added", "Changed: roles, team", "Deactivated", from an entry's action and the fields it names.</summary>
    private static string Describe(AuditAction action, string? changes)
    {
        if (action == AuditAction.Create)
        {
            return "Added";
        }
        try
        {
            using var json = JsonDocument.Parse(changes ?? "{}");
            var root = json.RootElement;
            if (root.TryGetProperty("active", out var active))
            {
                return active.GetBoolean() ? "Reactivated" : $"Deactivated: {root.GetProperty("reason").GetString()}";
            }
            if (root.TryGetProperty("twoFactor", out _))
            {
                return "Two-factor sign-in reset";
            }
            if (root.TryGetProperty("singleSignOn", out _))
            {
                return "Linked to the council's sign-in";
            }
            if (root.TryGetProperty("setUpLink", out _))
            {
                return "Set-up link sent";
            }
            return "Changed: " + string.Join(", ", root.EnumerateObject().Select(p => p.Name switch
            {
                "userName" => "user name",
                "name" => "name",
                "email" => "e-mail address",
                _ => p.Name,
            }));
        }
        catch (JsonException)
        {
            return "Changed";
        }
    }

    private async Task<IReadOnlyList<StaffAccountView>> ReadAsync(string? id, CancellationToken ct)
    {
        var roleName = (await db.StaffRoleIdsAsync(ct)).ToDictionary(r => r.Value, r => r.Key);
        var roleIds = roleName.Keys.ToList();
        var links = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId) && (id == null || ur.UserId == id)).ToListAsync(ct);
        var byUser = links.GroupBy(l => l.UserId).ToDictionary(g => g.Key, g => g.Select(l => roleName[l.RoleId]).OrderBy(r => r, StringComparer.Ordinal).ToList());
        var userIds = byUser.Keys.ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        var sso = (await db.UserLogins.Where(l => userIds.Contains(l.UserId)).Select(l => l.UserId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. users.Select(u => new StaffAccountView(
            u.Id, u.UserName ?? "", u.DisplayName, u.Email, byUser[u.Id],
            u.TeamId, u.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            u.AreaId, u.AreaId is { } a ? areas.GetValueOrDefault(a) : null,
            u.SuspendedAt is null, u.SuspendedAt, u.SuspensionReason, u.TwoFactorEnabled, u.PasswordHash is not null, sso.Contains(u.Id),
            u.LastSignInAt, u.ConcurrencyStamp ?? ""))];
    }
}

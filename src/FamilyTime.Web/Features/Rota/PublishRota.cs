using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Rota;
using FamilyTime.Domain.Sessions;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>A session publishing left alone because it changed after the plan was made, and what changed.</summary>
public sealed record SkippedSession(Guid SessionId, string ChildName, DateOnly Date, string Why);

/// <summary>What publishing did: sessions changed, of which moved (a new time or place, so people were told), and skipped.</summary>
public sealed record RotaPublished(int Changed, int Moved, IReadOnlyList<SkippedSession> Skipped);

/// <summary>
/// Publishes a finished run: each session whose room, start or workers the plan changed gets them, all in one
/// transaction. A session changed by someone else since the plan was made (its version moved on) is skipped and
/// listed, not overwritten. A moved session's carers and supervisor are told (staff and carer messages), and the
/// family members with a portal account by e-mail through the family guard: the new time and venue, the
/// supervisor's first name, nothing about where the child lives. Unplaced sessions stay as they were.
/// </summary>
public sealed class PublishRota(FamilyTimeDbContext db, AuditedSave audit, SessionAlerts alerts, Notifier notifier, TimeProvider clock)
{
    public const string PublishClashTitle = "The week changed while the plan was being published";
    public const string PublishClash = "Someone else published a plan of this week, or changed one of its sessions, at the same moment. Nothing of this plan was saved: look at the week again, and plan it again if it still needs it.";

    public const string StalePlan = "A later plan of this week has been published since this one was made. Plan the week again to start from it.";

    public async Task<Outcome<RotaPublished>> HandleAsync(UserScope user, string userName, Guid runId, CancellationToken ct)
    {
        if (!RotaAccess.MayPlan(user))
        {
            return Outcome<RotaPublished>.Forbidden(RotaAccess.PlanRefusal);
        }
        var run = await db.RotaRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        var result = RotaResultJson.Read(run?.ResultJson);
        if (run is null || result?.Plan is null)
        {
            return Outcome<RotaPublished>.NotFound();
        }
        if (run.PublishRefusal() is { } refused)
        {
            return Outcome<RotaPublished>.Invalid("Run", refused);
        }
        // A plan made before another plan of the week was published was made from the week as it stood then: publishing
        // it would undo part of the later plan and mix the two (a worker booked twice). The database's versions catch
        // only the sessions the later plan changed, not those it left where they were.
        if (await db.RotaRuns.AsNoTracking().AnyAsync(r => r.AreaId == run.AreaId && r.WeekStart == run.WeekStart && r.Id != run.Id
                && r.PublishedAt != null && r.PublishedAt > run.RequestedAt, ct))
        {
            return Outcome<RotaPublished>.Invalid("Run", StalePlan);
        }
        // Two plans of the week published at the same moment both pass the check above. Each publish therefore also
        // writes every other finished plan of the week (its version only): whichever saves second finds a version it
        // did not read and saves nothing. After a publish those plans are stale by the check above anyway.
        foreach (var other in await db.RotaRuns.Where(r => r.AreaId == run.AreaId && r.WeekStart == run.WeekStart && r.Id != run.Id
                     && r.Status == RotaRunStatus.Done).ToListAsync(ct))
        {
            db.Entry(other).Property(r => r.Version).IsModified = true;
        }
        var ids = result.Plan.Assignments.Select(a => a.SessionId).ToList();
        var sessions = await db.Sessions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var arrangementIds = sessions.Values.Where(s => s.ArrangementId is not null).Select(s => s.ArrangementId!.Value).Distinct().ToList();
        var personIdsOf = (await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id)).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => a.PersonIds);
        var skipped = new List<SkippedSession>();
        var heldApart = await HeldApartAsync(result, sessions, ct);
        var notes = new List<AuditNote>();
        var moves = new List<(FamilyTimeSession Session, RotaSessionInfo Before, string? Venue)>();
        var changed = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in result.Plan.Assignments)
        {
            var before = result.InfoOf(a.SessionId);
            if (before is null || !sessions.TryGetValue(a.SessionId, out var session))
            {
                continue;
            }
            var room = result.Room(a.RoomId);
            var (venueId, roomId) = PlaceOf(a, session, result);
            var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(a.Start));
            var supervisor = a.WorkerIds.Count > 0 ? a.WorkerIds[0] : null;
            var second = a.WorkerIds.Count > 1 ? a.WorkerIds[1] : null;
            var same = LeftAsItWas(a, before, session, result);
            var untouched = session.Version == before.SessionVersion && session.Status == SessionStatus.Planned && session.RecordedAt is null;
            if (same)
            {
                // Left where it was, it is still placed by the rota: booked as it stands, so a re-plan keeps it and the
                // area's week no longer lists it as not yet booked. Nothing else changes and nobody is told.
                if (untouched && !session.IsBooked)
                {
                    db.Entry(session).Property(s => s.Version).OriginalValue = before.SessionVersion;
                    session.BookFromRota(new SessionBooking(session.Date, session.StartTime, session.VenueId, session.RoomId, session.SupervisorId,
                        session.SecondWorkerId, session.DriverId), now);
                    notes.Add(new AuditNote(AuditAction.Update, AuditRecord.Session, session.Id, session.ChildId,
                        JsonSerializer.Serialize(new { rotaRun = run.Id, session.BookedAt })));
                }
                continue;
            }
            if (heldApart.TryGetValue(session.Id, out var why))
            {
                skipped.Add(new SkippedSession(session.Id, before.ChildName, before.Date, why));
                continue;
            }
            if (!untouched)
            {
                skipped.Add(new SkippedSession(session.Id, before.ChildName, before.Date,
                    session.Status != SessionStatus.Planned ? "It is no longer planned (cancelled or closed since the plan was made)." : "It was changed by someone else since the plan was made."));
                continue;
            }
            // The database checks the version again at the save: a change landing between this read and the save fails it.
            db.Entry(session).Property(s => s.Version).OriginalValue = before.SessionVersion;
            var moved = start != session.StartTime || venueId != session.VenueId || roomId != session.RoomId;
            // Booked the one way a session is booked, remembering what the plan asked, so saving the plan again keeps it.
            session.BookFromRota(new SessionBooking(session.Date, start, venueId, roomId, supervisor, second, session.DriverId), now);
            changed++;
            notes.Add(new AuditNote(AuditAction.Update, AuditRecord.Session, session.Id, session.ChildId,
                JsonSerializer.Serialize(new { rotaRun = run.Id, session.StartTime, session.VenueId, session.RoomId, session.SupervisorId, SecondWorkerId = second })));
            if (moved)
            {
                moves.Add((session, before, room?.VenueName));
            }
        }
        run.MarkPublished(user.UserId, now);
        foreach (var (session, before, venue) in moves)
        {
            await TellAsync(run.Id, session, before, venue, personIdsOf.GetValueOrDefault(session.ArrangementId ?? Guid.Empty) ?? [], result, ct);
        }
        try
        {
            await audit.SaveAsync(user.UserId, userName, notes, ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<RotaPublished>.Clash(PublishClashTitle, PublishClash);
        }
        return Outcome<RotaPublished>.Ok(new RotaPublished(changed, moves.Count, skipped));
    }

    /// <summary>
    /// The placements publishing leaves out, and why: a session the plan could not place keeps what it has, and when it
    /// is booked (on the booking page, checked for clashes) its worker and room stay its own at that hour. A placement
    /// that would take them would book one worker or room twice, so it is left as it was; and when what it was is itself
    /// a booking, that holds too, and so on until nothing more is left out.
    /// </summary>
    private async Task<Dictionary<Guid, string>> HeldApartAsync(RotaRunResult result, Dictionary<Guid, FamilyTimeSession> placed, CancellationToken ct)
    {
        var unplacedIds = result.Plan!.Unplaced.Select(u => u.SessionId).ToList();
        var held = (await db.Sessions.AsNoTracking()
                .Where(s => unplacedIds.Contains(s.Id) && s.BookedAt != null && s.Status == SessionStatus.Planned)
                .ToListAsync(ct))
            .Select(Held.Of).ToList();
        var apart = new Dictionary<Guid, string>();
        for (var changed = held.Count > 0; changed;)
        {
            changed = false;
            foreach (var a in result.Plan.Assignments)
            {
                if (apart.ContainsKey(a.SessionId) || !placed.TryGetValue(a.SessionId, out var session) || result.InfoOf(a.SessionId) is not { } info
                    || LeftAsItWas(a, info, session, result))
                {
                    // Left where it is, a placement takes nothing it did not have.
                    continue;
                }
                var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(a.Start));
                var end = start.AddMinutes(session.DurationMinutes);
                var clash = held.FirstOrDefault(h => h.Id != a.SessionId && h.Date == info.Date && h.Start < end && start < h.Start.AddMinutes(h.Minutes)
                    && ((a.RoomId is { } r && h.RoomId == r) || a.WorkerIds.Any(h.Workers.Contains)));
                if (clash is null)
                {
                    continue;
                }
                var what = a.RoomId is { } room && clash.RoomId == room
                    ? result.Room(room) is { } rr ? $"{rr.Name} at {rr.VenueName}" : "its room"
                    : result.WorkerName(a.WorkerIds.First(clash.Workers.Contains));
                var whose = result.InfoOf(clash.Id)?.ChildName ?? "another child";
                apart[a.SessionId] = $"The plan gives it {what}, booked then for {whose}’s family time at {clash.Start:HH:mm}, which "
                    + (clash.LeftOut ? "publishing left where it was" : "the plan could not place") + ". Book or move that session, then plan the week again.";
                if (session.IsBooked)
                {
                    held.Add(Held.Of(session) with { LeftOut = true });
                }
                changed = true;
            }
        }
        return apart;
    }

    /// <summary>Where the plan puts a session: a placement without a room keeps the session's venue and room.</summary>
    private static (Guid? VenueId, Guid? RoomId) PlaceOf(RotaAssignment a, FamilyTimeSession session, RotaRunResult result) =>
        result.Room(a.RoomId) is { } room ? (room.VenueId, room.Id) : (session.VenueId, session.RoomId);

    /// <summary>Whether the plan leaves a session as it stood when the plan was made: its place, start and workers.</summary>
    private static bool LeftAsItWas(RotaAssignment a, RotaSessionInfo before, FamilyTimeSession session, RotaRunResult result)
    {
        var (venueId, roomId) = PlaceOf(a, session, result);
        return roomId == before.RoomId && venueId == before.VenueId && a.Start == before.Start && a.WorkerIds.SequenceEqual(before.WorkerIds);
    }

    /// <summary>A booking that stays: when, in which room, with which workers; <see cref="LeftOut"/> when it stays
    /// because publishing left its session's placement out, not because the plan could not place it.</summary>
    private sealed record Held(Guid Id, DateOnly Date, TimeOnly Start, int Minutes, Guid? RoomId, List<string> Workers, bool LeftOut = false)
    {
        public static Held Of(FamilyTimeSession s) => new(s.Id, s.Date, s.StartTime, s.DurationMinutes, s.RoomId,
            new[] { s.SupervisorId, s.SecondWorkerId, s.DriverId }.OfType<string>().ToList());
    }

    private async Task TellAsync(Guid runId, FamilyTimeSession session, RotaSessionInfo before, string? venue, IReadOnlyList<Guid> personIds, RotaRunResult result, CancellationToken ct)
    {
        var key = $"rota:{runId:N}:{session.Id:N}";
        var was = SessionAlerts.When(before.Date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(before.Start)));
        var now = SessionAlerts.When(session.Date, session.StartTime);
        var where = venue is null ? "" : $" at {venue}";
        await alerts.TellAsync(session, key + ":moved", "Family time has moved", name => string.Join("\n\n",
            $"Dear {name},",
            $"Family time with {before.ChildName} on {was} has moved to {now}{where}, in the new week’s rota.",
            "Please do not set off at the old time."), ct);
        var family = await (from p in db.SignificantPeople.AsNoTracking()
                            join u in db.Users.AsNoTracking() on p.PortalUserId equals u.Id
                            where personIds.Contains(p.Id) && u.Email != null
                            select new { p.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var supervisor = session.SupervisorId is { } s ? FirstName(result.WorkerName(s)) : null;
        foreach (var member in family)
        {
            var lines = new List<string> { $"Dear {FirstName(member.DisplayName)},", $"Family time with {before.ChildName} on {was} has moved to {now}{where}." };
            if (supervisor is not null)
            {
                lines.Add($"{supervisor} will be with you.");
            }
            lines.Add("Sign in to FamilyTime to see your sessions. If you cannot come at the new time, you can tell us there.");
            await notifier.EmailAsync($"{key}:family:{member.Id:N}", member.Email!, member.DisplayName, "Your family time has moved", string.Join("\n\n", lines), session.ChildId, ct);
        }
    }

    /// <summary>Families are told a worker's first name only.</summary>
    public static string FirstName(string name) => name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}

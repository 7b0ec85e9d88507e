using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>
/// Reads how the child has been before and after family time, works out what should prompt a review, and records
/// that the reader looked.
/// </summary>
public sealed class WellbeingReader(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock, ReviewThresholds thresholds)
{
    /// <summary>How far back the chart and the signals look: a year shows a trend without drowning the recent weeks.</summary>
    public const int ChartMonths = 12;

    /// <summary>The sessions offered for rating: recent enough for the carer to remember them well.</summary>
    public const int RecentWeeks = 8;

    /// <summary>Looking ahead finds the next session a serious risk must be assessed before.</summary>
    private const int LookAheadMonths = 3;

    /// <summary>
    /// The whole picture for those who hold the case; the carers the child lives with see the pattern in their own
    /// ratings. The route has already held the reader to <see cref="ChildOperation.ViewWellbeing"/>.
    /// </summary>
    public Task<WellbeingView> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Wellbeing, child.ChildId, child.ChildId),
            c => LoadAsync(child, c), ct);
    }

    private async Task<WellbeingView> LoadAsync(ChildContext child, CancellationToken ct)
    {
        var childId = child.ChildId;
        var role = child.Can(ChildOperation.ViewCase) ? WellbeingRole.CaseHolder : WellbeingRole.Carer;
        var today = clock.Today();
        var from = today.AddMonths(-ChartMonths);
        var sessions = await db.Sessions.AsNoTracking()
            // A session the plan withdrew was never due: nothing to rate, no gap in family time.
            .Where(s => s.ChildId == childId && s.Date >= from && s.Date <= today.AddMonths(LookAheadMonths) && s.Status != SessionStatus.PlanChanged)
            .Select(s => new SessionFacts(s.Id, s.Date, s.StartTime, s.ArrangementId, s.Status))
            .ToListAsync(ct);
        var observations = await db.CarerObservations.AsNoTracking().Where(o => o.ChildId == childId).ToListAsync(ct);
        var versions = await db.RecordVersions.AsNoTracking()
            .Join(db.ContactRecords.Where(r => r.ChildId == childId), v => v.RecordId, r => r.Id, (v, r) => new { r.SessionId, v.Number, v.ParentArrivedAt, v.EndedEarly })
            .ToListAsync(ct);
        var records = versions.GroupBy(v => v.SessionId)
            .Select(g => g.MaxBy(v => v.Number)!)
            .Select(v => new SessionRecordFacts(v.SessionId, v.ParentArrivedAt, v.EndedEarly))
            .ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(ct);
        var people = await PeopleByArrangementAsync(childId, arrangements.Select(a => (a.Id, (IReadOnlyList<Guid>)a.PersonIds)), ct);
        // The factors of difficult family time ticked on each arrangement of the plan.
        var factors = arrangements.Where(a => a.FactorsMask != 0).ToDictionary(a => a.Id, a => a.Factors);
        // Running face-to-face family time, for drift: counted from its first date, or from when the sessions read begin.
        var running = arrangements.Where(a => a.EndedOn is null && a.Form == Domain.Plans.FamilyTimeForm.FaceToFace && a.FirstDate is not null)
            .Select(a => new DriftArrangement(a.Id, people.GetValueOrDefault(a.Id) ?? [], a.FirstDate!.Value < from ? from : a.FirstDate.Value))
            .ToList();
        var signals = ReviewSignals.Evaluate(new ReviewEvidence(today, sessions, people, observations, records, factors, running), thresholds);
        if (role == WellbeingRole.Carer)
        {
            // Carers see the pattern in their own ratings; lateness and early endings come from records that are the case holders' to read.
            signals = signals.Where(s => s.Kind == ReviewSignalKind.DistressAfterSessions).ToList();
        }

        var byId = observations.ToLookup(o => o.SessionId);
        string With(Guid? arrangement) => Names(people, arrangement);
        var recentFrom = today.AddDays(-7 * RecentWeeks);
        var recent = sessions
            .Where(s => s.Date >= recentFrom && s.Date <= today)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime)
            .Select(s => new RecentSession(s.Id, s.Date, s.StartTime, With(s.ArrangementId), s.Status,
                byId[s.Id].Any(o => o.Moment == ObservationMoment.Before), byId[s.Id].Any(o => o.Moment == ObservationMoment.After)))
            .ToList();
        var charts = sessions
            .Where(s => s.Date <= today && byId[s.Id].Any())
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .GroupBy(s => s.ArrangementId)
            .Select(g => new WellbeingSeries(g.Key?.ToString("N") ?? "one-off", With(g.Key), g.Select(s => new RatedSession(s.Id, s.Date,
                byId[s.Id].FirstOrDefault(o => o.Moment == ObservationMoment.Before), byId[s.Id].FirstOrDefault(o => o.Moment == ObservationMoment.After))).ToList()))
            .OrderBy(c => c.With, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new WellbeingView(childId, ChildName(child), role, from, today, signals, recent, charts, sessions.ToDictionary(s => s.Id, s => s.Date));
    }

    /// <summary>One session of the child's to record about; null when the child has no such session.</summary>
    public async Task<SessionToRate?> ReadSessionAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var childId = child.ChildId;
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.ChildId == childId)
            .Select(s => new { s.Date, s.StartTime, s.ArrangementId, s.Status, PersonIds = db.Arrangements.Where(a => a.Id == s.ArrangementId).Select(a => a.PersonIds).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }
        var recorded = await db.CarerObservations.AsNoTracking().Where(o => o.SessionId == sessionId)
            .Select(o => new { Observation = o, By = db.Users.Where(u => u.Id == o.RecordedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var people = session.ArrangementId is { } arrangement && session.PersonIds is { } ids
            ? await PeopleByArrangementAsync(childId, [(arrangement, ids)], ct)
            : new Dictionary<Guid, IReadOnlyList<SignalPerson>>();
        return new SessionToRate(childId, ChildName(child), sessionId, session.Date, session.StartTime, Names(people, session.ArrangementId),
            recorded.OrderBy(r => r.Observation.Moment).Select(r => new RecordedMoment(r.Observation, r.By ?? "someone no longer registered")).ToList(), session.Status);
    }

    private async Task<Dictionary<Guid, IReadOnlyList<SignalPerson>>> PeopleByArrangementAsync(Guid childId, IEnumerable<(Guid Id, IReadOnlyList<Guid> PersonIds)> arrangements, CancellationToken ct)
    {
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return arrangements.ToDictionary(a => a.Id, a => (IReadOnlyList<SignalPerson>)a.PersonIds.Where(people.ContainsKey).Select(id => new SignalPerson(id, people[id])).ToList());
    }

    private static string Names(Dictionary<Guid, IReadOnlyList<SignalPerson>> people, Guid? arrangement) =>
        arrangement is { } a && people.TryGetValue(a, out var p) && p.Count > 0 ? string.Join(" and ", p.Select(x => x.Name)) : "One-off sessions";

    private static string ChildName(ChildContext child) => child.PreferredName ?? child.FirstName;
}

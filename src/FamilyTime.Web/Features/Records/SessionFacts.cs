using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>One session as the record pages need it, and what the reader may do with it.</summary>
public sealed record SessionFacts(
    FamilyTimeSession Session,
    string ChildName,
    string FamilyTimeName,
    string? ChildFirstName,
    AgeBand AgeBand,
    ArrangementType? Type,
    string With,
    IReadOnlyList<Guid> PersonIds,
    string? Venue,
    string? Supervisor,
    bool CanReadRecord,
    bool CanWrite,
    bool CanManage,
    bool CanRecordWellbeing,
    IReadOnlySet<DifficultFamilyTimeFactor> Factors,
    IReadOnlyList<RiskAssessment> RiskAssessments,
    bool CanRecordRiskAssessment,
    bool CanOverrideRiskGate)
{
    /// <summary>Supervised, assessed and facilitated family time produce a record; unsupervised does not.</summary>
    public bool NeedsRecord => Type is not ArrangementType.Unsupervised;

    /// <summary>Why the session cannot be marked held yet (the risk gate), or null.</summary>
    public string? HeldRefusal => RiskGate.Refusal(Factors, RiskAssessments);

    /// <summary>What the rest of the case says about closing this session off.</summary>
    public SessionRules Rules => new(NeedsRecord, HeldRefusal);
}

/// <summary>
/// Loads a session of the child (tracked, so a use case can change it) and says what the reader may do with it:
/// its supervisor and the child's editors write its record; the editors close it off, acknowledge and share; other
/// case holders read. A contact worker reaches only the sessions they run: any other session is null, as if absent.
/// </summary>
public sealed class SessionFactsLoader(FamilyTimeDbContext db, TimeProvider clock)
{
    public async Task<SessionFacts?> LoadAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var row = await db.Sessions
            .Where(s => s.Id == sessionId && s.ChildId == child.ChildId)
            .Select(s => new
            {
                Session = s,
                Arrangement = db.Arrangements.Where(a => a.Id == s.ArrangementId).Select(a => new { a.Type, a.PersonIds, a.FactorsMask }).FirstOrDefault(),
                Venue = db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(),
                Room = db.Rooms.Where(r => r.Id == s.RoomId).Select(r => r.Name).FirstOrDefault(),
                Supervisor = db.Users.Where(u => u.Id == s.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var session = row.Session;
        var supervises = session.SupervisorId == child.Actor.UserId;
        if (!supervises && !child.Can(ChildOperation.ViewAllSessions))
        {
            return null;
        }
        IReadOnlyList<Guid> ids = row.Arrangement?.PersonIds ?? [];
        var names = ids.Count == 0 ? [] : await db.SignificantPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct);
        // The risk gate's evidence: only asked for when serious factors are ticked on the arrangement.
        var factors = DifficultFamilyTimeFactors.All.Where(x => ((row.Arrangement?.FactorsMask ?? 0) & (1 << (int)x)) != 0).ToHashSet();
        IReadOnlyList<RiskAssessment> assessments = session.ArrangementId is { } arrangementId && factors.Any(DifficultFamilyTimeFactors.IsSeriousRisk)
            ? await db.RiskAssessments.AsNoTracking().Where(r => r.ArrangementId == arrangementId).OrderBy(r => r.RecordedAt).ToListAsync(ct)
            : [];
        var canWrite = supervises || child.Can(ChildOperation.ShareWithFamily);
        return new SessionFacts(
            session, child.PreferredName ?? child.FirstName, child.FamilyTimeName, child.FirstName, AgeBandOf(child, clock), row.Arrangement?.Type,
            names.Count == 0 ? "One-off session" : string.Join(" and ", names), ids,
            row.Venue is null ? null : $"{row.Venue}{(row.Room is null ? "" : $", {row.Room}")}", row.Supervisor,
            // Carers and coordinators see that a session happened, not what was observed.
            CanReadRecord: canWrite || child.Can(ChildOperation.ReadRecords),
            CanWrite: canWrite,
            CanManage: child.Can(ChildOperation.ShareWithFamily),
            CanRecordWellbeing: child.Can(ChildOperation.RecordWellbeing),
            Factors: factors,
            RiskAssessments: assessments,
            CanRecordRiskAssessment: child.Can(ChildOperation.EditPlan),
            CanOverrideRiskGate: child.Can(ChildOperation.OverrideRiskGate));
    }

    /// <summary>The age band a new record is written in: the child's age today.</summary>
    public static AgeBand AgeBandOf(ChildContext child, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(child);
        var today = clock.Today();
        var born = child.DateOfBirth;
        var age = today.Year - born.Year - (born.AddYears(today.Year - born.Year) > today ? 1 : 0);
        return AgeBands.For(age);
    }
}

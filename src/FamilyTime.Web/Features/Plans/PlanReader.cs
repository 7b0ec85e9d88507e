using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Reads a child's plan for those who hold the case, and records that they looked.</summary>
public sealed class PlanReader(
    FamilyTimeDbContext db,
    ChildAccessPolicy access,
    AuditedSave audit,
    PlanContextLoader contexts,
    InfantGuidance infants)
{
    public async Task<Outcome<PlanView>> ReadAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<PlanView>.NotFound();
        }
        if (level < ChildAccess.Case)
        {
            return Outcome<PlanView>.Forbidden("The family-time plan is read by those who hold the child's case. You can see the sessions you are part of.");
        }
        var view = await LoadAsync(childId, canEdit, actor.Scope.Is(Roles.HeadOfService), ct);
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.View, AuditRecord.ContactPlan, childId, childId), ct);
        return Outcome<PlanView>.Ok(view);
    }

    private async Task<PlanView> LoadAsync(Guid childId, bool canEdit, bool headOfService, CancellationToken ct)
    {
        var context = (await contexts.LoadAsync(childId, ct))!;
        var today = context.Today;
        var familyTimeName = await db.Children.Where(c => c.Id == childId).Select(c => c.FamilyTimeName).FirstAsync(ct);
        var plan = await db.ContactPlans.AsNoTracking()
            .Include(p => p.Arrangements).Include(p => p.Considerations).Include(p => p.Versions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.ChildId == childId, ct);
        var exception = await db.SupervisionExceptions.AsNoTracking().Where(e => e.ChildId == childId)
            .OrderByDescending(e => e.ApprovedAt)
            .Select(e => new ExceptionView(e.ApprovedByName, e.ApprovedAt, e.Reason))
            .FirstOrDefaultAsync(ct);
        var people = context.People.ToDictionary(p => p.Id);

        IReadOnlyList<ArrangementView> arrangements = [];
        if (plan is not null)
        {
            var roomIds = plan.Arrangements.Where(a => a.RoomId is not null).Select(a => a.RoomId!.Value).ToList();
            var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id))
                .Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { r.Id, Room = r.Name, Venue = v.Name, Address = v.Address + ", " + v.Postcode })
                .ToDictionaryAsync(r => r.Id, ct);
            var supervisorIds = plan.Arrangements.Where(a => a.SupervisorId is not null).Select(a => a.SupervisorId!).ToList();
            var supervisors = await db.Users.AsNoTracking().Where(u => supervisorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var upcoming = await db.Sessions.AsNoTracking()
                .Where(s => s.ChildId == childId && s.Date >= today && s.Status == SessionStatus.Planned && s.ArrangementId != null)
                .GroupBy(s => s.ArrangementId!.Value)
                .Select(g => new { Id = g.Key, Next = g.Min(s => s.Date), Count = g.Count() })
                .ToDictionaryAsync(g => g.Id, ct);
            arrangements = plan.Arrangements
                .OrderBy(a => a.PersonIds.Select(id => people.TryGetValue(id, out var p) ? (int)p.Relationship : 99).DefaultIfEmpty(99).Min())
                .Select(a =>
                {
                    var room = a.RoomId is { } rid ? rooms.GetValueOrDefault(rid) : null;
                    var next = upcoming.GetValueOrDefault(a.Id);
                    return new ArrangementView(
                        a.Id,
                        a.PersonIds.Where(people.ContainsKey).Select(id => new PlanPersonView(id, people[id].FullName, people[id].Relationship)).ToList(),
                        PlanWords.Each(a.Purposes).Select(PlanWords.Describe).ToList(),
                        a.Type, a.ReasonForSupervision, a.Form, a.Schedule?.Describe(),
                        a.VenueId, room?.Venue, room?.Address, a.RoomId, room?.Room, a.JourneyMinutes,
                        a.SuggestedActivity, a.SupervisorId, a.SupervisorId is { } sid ? supervisors.GetValueOrDefault(sid) : null,
                        a.InterpreterLanguage, a.Transport, a.Terms, a.ReviewEveryMonths, a.NextReviewOn, a.ChildsWishes,
                        a.Factors.Select(Domain.Records.DifficultFamilyTimeFactors.Describe).ToList(),
                        next?.Next, next?.Count ?? 0,
                        infants.PromptsFor(context.DateOfBirth, today, a.ToDetails(), context.People),
                        a.Version,
                        a.EndedOn,
                        a.EndedReason);
                })
                .ToList();
        }

        var considered = context.People
            .Where(p => PlanRules.MustBeConsidered(p.Relationship))
            .Select(p => new ConsideredView(
                p.Id, p.FullName, p.Relationship,
                plan?.Arrangements.Any(a => !a.IsEnded && a.PersonIds.Contains(p.Id)) == true,
                plan?.Considerations.FirstOrDefault(c => c.PersonId == p.Id)?.Reason))
            .ToList();
        var versions = plan?.Versions.OrderByDescending(v => v.Number)
            .Select(v => new PlanVersionView(v.Number, v.AgreedAt, v.AgreedByName, v.ChangeReason, v.CourtAgreedOn, v.CourtReference))
            .ToList() ?? [];

        return new PlanView(
            childId, context.ChildName, familyTimeName, context.LegalStatus, context.InCareProceedings,
            canEdit, headOfService, PlanRules.ArrangingRefused(context), exception,
            plan is not null, plan?.Status, plan?.AgreedVersion ?? 0, plan?.AgreedOn, plan?.HorizonEndsOn, plan?.NextReviewOn, plan?.SharedWithFamilyOn,
            ContactPlan.IsOverdue(context.LegalStatus, plan?.HasBeenAgreed == true),
            plan is not null && plan.NextReviewOn < today,
            arrangements, considered, versions, plan?.Version ?? 0);
    }
}

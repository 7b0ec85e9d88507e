using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// Reads a child's plan for those who hold the case (the route's rule has let them in), and records that they
/// looked. Two queries besides the child's context: the plan with everything each arrangement shows, and the
/// child's side (people, the exception, suspensions and changes under way).
/// </summary>
public sealed class PlanReader(FamilyTimeDbContext db, AuditedSave audit, InfantGuidance infants, PlanSettings settings, BankHolidays holidays, TimeProvider clock)
{
    public Task<PlanPage> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.ContactPlan, child.ChildId, child.ChildId),
            c => LoadAsync(child, c), ct);
    }


    private async Task<PlanPage> LoadAsync(ChildContext child, CancellationToken ct)
    {
        var childId = child.ChildId;
        var today = clock.Today();
        var plan = await db.ContactPlans.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new
            {
                Plan = p,
                Arrangements = p.Arrangements.Select(a => new
                {
                    Arrangement = a,
                    Room = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
                    Venue = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => db.Venues.Where(v => v.Id == r.VenueId).Select(v => v.Name).FirstOrDefault()).FirstOrDefault(),
                    Address = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => db.Venues.Where(v => v.Id == r.VenueId).Select(v => v.Address + ", " + v.Postcode).FirstOrDefault()).FirstOrDefault(),
                    Supervisor = db.Users.Where(u => u.Id == a.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(),
                    Next = db.Sessions.Where(s => s.ArrangementId == a.Id && s.Date >= today && s.Status == SessionStatus.Planned).Min(s => (DateOnly?)s.Date),
                    Upcoming = db.Sessions.Count(s => s.ArrangementId == a.Id && s.Date >= today && s.Status == SessionStatus.Planned),
                }).ToList(),
                Considerations = p.Considerations.Select(c => new { c.PersonId, c.Reason }).ToList(),
                Versions = p.Versions.Select(v => new PlanVersionView(v.Number, v.AgreedAt, v.AgreedByName, v.ChangeReason, v.CourtAgreedOn, v.CourtReference)).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        var side = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new
            {
                c.CameIntoCareOn,
                People = db.SignificantPeople.Where(p => p.ChildId == c.Id).OrderBy(p => p.Relationship).ThenBy(p => p.FullName).Select(p => new PlanPerson(p.Id, p.FullName, p.Relationship, p.NeedsInterpreter ? p.SpokenLanguage : null)).ToList(),
                Exception = db.SupervisionExceptions.Where(e => e.ChildId == c.Id).OrderByDescending(e => e.ApprovedAt)
                    .Select(e => new ExceptionView(e.ApprovedByName, e.ApprovedAt, e.Reason)).Take(1).ToList(),
                Suspended = db.Suspensions.Where(s => s.ChildId == c.Id && s.ResumedOn == null && s.ApplicationMadeOn == null).ToList(),
                Changes = db.ChangeProposals.Where(x => x.ChildId == c.Id && x.WithdrawnAt == null && x.EffectiveAt == null && x.ReviewAgreed != false).ToList(),
            })
            .AsSingleQuery()
            .FirstAsync(ct);

        var peopleInOrder = side.People;
        var people = peopleInOrder.ToDictionary(p => p.Id);
        var context = new PlanContext(child.PreferredName ?? child.FirstName, child.DateOfBirth, side.CameIntoCareOn, child.LegalStatus, child.InCareProceedings,
            side.Exception.Count > 0, peopleInOrder, [], today);

        IReadOnlyList<ArrangementView> arrangements = [];
        if (plan is not null)
        {
            arrangements = plan.Arrangements
                .OrderBy(x => x.Arrangement.PersonIds.Select(id => people.TryGetValue(id, out var p) ? (int)p.Relationship : 99).DefaultIfEmpty(99).Min())
                .Select(x =>
                {
                    var a = x.Arrangement;
                    var room = x.Room is null ? null : x;
                    return new ArrangementView(
                        a.Id,
                        a.PersonIds.Where(people.ContainsKey).Select(id => new PlanPersonView(id, people[id].FullName, people[id].Relationship)).ToList(),
                        PlanWords.Each(a.Purposes).Select(PlanWords.Describe).ToList(),
                        a.Type, a.ReasonForSupervision, a.Form, a.Schedule?.Describe(),
                        a.VenueId, room?.Venue, room?.Address, a.RoomId, room?.Room, a.JourneyMinutes,
                        a.SuggestedActivity, a.SupervisorId, a.SupervisorId is null ? null : x.Supervisor,
                        a.InterpreterLanguage, a.Transport, a.Terms, a.ReviewEveryMonths, a.NextReviewOn, a.ChildsWishes,
                        a.Factors.Select(Domain.Records.DifficultFamilyTimeFactors.Describe).ToList(),
                        x.Next, x.Upcoming,
                        Prompts(a),
                        a.Version,
                        a.EndedOn,
                        a.EndedReason,
                        new ArrangementExtras(
                            a.WishesNotAsked is { } notAsked ? ArrangementWords.Describe(notAsked) + (a.WishesNotAskedWhy is null ? "" : $": {a.WishesNotAskedWhy}") : null,
                            a.RouteToLessSupervision, a.RouteToLessSupervisionBy, a.Place, a.PlaceDescription,
                            a.SupervisorName is null ? null : $"{a.SupervisorName} ({ArrangementWords.Describe(a.SupervisedBy).ToLowerInvariant()})",
                            a.InterpreterForPersonId is { } forId && people.TryGetValue(forId, out var needs) ? needs.FullName : null),
                        a.WishesNotAsked, a.WishesNotAskedWhy, a.RouteToLessSupervision, a.RouteToLessSupervisionBy,
                        a.Place, a.PlaceDescription, a.SupervisedBy, a.SupervisorName, a.InterpreterForPersonId,
                        a.NeedsStepFreeAccess, a.VenueFixed);
                })
                .ToList();
        }

        IReadOnlyList<PracticePrompt> Prompts(Arrangement a)
        {
            var prompts = infants.PromptsFor(child.DateOfBirth, today, a.ToDetails(), peopleInOrder).ToList();
            if (settings.SocialWorkerPrompt(a.Type, a.Form == FamilyTimeForm.FaceToFace) is { } visit && !a.IsEnded)
            {
                prompts.Add(visit);
            }
            return prompts;
        }

        var considered = peopleInOrder
            .Where(p => PlanRules.MustBeConsidered(p.Relationship))
            .Select(p => new ConsideredView(
                p.Id, p.FullName, p.Relationship,
                plan?.Arrangements.Any(x => !x.Arrangement.IsEnded && x.Arrangement.PersonIds.Contains(p.Id)) == true,
                plan?.Considerations.FirstOrDefault(c => c.PersonId == p.Id)?.Reason))
            .ToList();
        var versions = plan?.Versions.OrderByDescending(v => v.Number).ToList() ?? [];
        var p = plan?.Plan;

        var due = PlanDue.StateOn(child.LegalStatus, p?.HasBeenAgreed == true, side.CameIntoCareOn, today, settings.DueGraceWorkingDays, holidays);
        var view = new PlanView(
            childId, context.ChildName, child.FamilyTimeName, child.LegalStatus, child.InCareProceedings,
            child.Can(ChildOperation.EditPlan), child.Can(ChildOperation.AgreePlan), child.Can(ChildOperation.ApproveException),
            PlanRules.ArrangingRefused(context), side.Exception.FirstOrDefault(),
            p is not null, p?.Status, p?.AgreedVersion ?? 0, p?.AgreedOn, p?.HorizonEndsOn, p?.NextReviewOn, p?.SharedWithFamilyOn,
            due == PlanDueState.Overdue,
            p is not null && p.NextReviewOn < today,
            arrangements, considered, versions, p?.Version ?? 0,
            due, PlanDue.DueBy(side.CameIntoCareOn, settings.DueGraceWorkingDays, holidays));

        // The names each suspension shows are the arrangement's people, as the suspension pages name them.
        var names = arrangements.ToDictionary(a => a.Id, a => a.Names);
        var suspended = side.Suspended.OrderBy(s => s.StartedOn)
            .Select(s => Suspensions.SuspensionView.Of(s, names, today, child.LegalStatus))
            .ToList();
        var changes = side.Changes.OrderByDescending(c => c.ProposedAt)
            .Select(c => new ChangeUnderWay(c.Id, c.ArrangementId, c.Summary, c.Stage))
            .ToList();
        return new PlanPage(view, suspended, changes);
    }
}

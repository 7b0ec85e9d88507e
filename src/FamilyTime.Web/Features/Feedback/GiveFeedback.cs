using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FeedbackRecord = FamilyTime.Domain.Records.Feedback;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>
/// Feedback on a session (<paramref name="SessionId"/>) or, without one, on a venue. <paramref name="ChildsOwnWords"/>:
/// a member of staff is writing down what the child said.
/// </summary>
public sealed record FeedbackCommand(Guid? SessionId, Guid? VenueId, FeedbackKind? Kind, string? Text, bool ChildsOwnWords, Guid? ChildId = null);

/// <summary>What was kept and who it went to, in words for the giver ("the child's social worker"); null when nobody.</summary>
public sealed record FeedbackGiven(Guid Id, FeedbackKind Kind, FeedbackFrom From, string? RoutedToUserId, string? SentTo);

/// <summary>Keeps a comment, compliment, complaint or venue concern and sends it to the person who should act on it.</summary>
public sealed class GiveFeedback(FamilyTimeDbContext db, FeedbackTargets targets, ChildContextLoader children, AuditedSave save, TimeProvider clock)
{
    public async Task<Outcome<FeedbackGiven>> GiveAsync(Actor actor, FeedbackCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        Guid? childId = null;
        Guid? venueId = null;
        if (command.SessionId is { } sessionId)
        {
            var session = await targets.SessionAsync(actor, sessionId, ct);
            if (session is null || (command.ChildId is { } expected && expected != session.ChildId))
            {
                return Outcome<FeedbackGiven>.NotFound();
            }
            childId = session.ChildId;
            // Only a concern about the venue belongs on the venue's page; other session feedback is about the child's time.
            venueId = command.Kind == FeedbackKind.VenueConcern ? session.VenueId : null;
        }
        else if (command.VenueId is { } asked)
        {
            var venue = await targets.VenueAsync(actor.Scope, asked, ct);
            if (venue is null)
            {
                return Outcome<FeedbackGiven>.NotFound();
            }
            venueId = venue.VenueId;
        }

        var user = actor.Scope;
        var from = FeedbackRouting.FromRole(user.Is(Roles.Parent), user.Is(Roles.Carer), command.ChildsOwnWords, user.Is(Roles.YoungPerson) && !user.IsStaff);
        var people = await PeopleAsync(actor, childId, venueId, ct);
        var routedTo = command.Kind is { } kind && Enum.IsDefined(kind) ? FeedbackRouting.RouteTo(kind, childId is not null, people) : null;
        var (feedback, errors) = FeedbackRecord.Give(command.SessionId, childId, venueId, from, command.Kind, command.Text, routedTo, actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (feedback is null)
        {
            return Outcome<FeedbackGiven>.Invalid(errors);
        }
        db.Feedback.Add(feedback);
        await save.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.Feedback, feedback.Id, childId), ct);
        return Outcome<FeedbackGiven>.Ok(new FeedbackGiven(feedback.Id, feedback.Kind, feedback.From, routedTo, SentTo(routedTo, people)));
    }

    private static string? SentTo(string? routedTo, FeedbackPeople people) =>
        routedTo is null ? null
        : people.TeamManagerIds.Contains(routedTo) ? "the team manager"
        : routedTo == people.SocialWorkerId ? "the child’s social worker"
        : "the family time coordinator for the area";

    private async Task<FeedbackPeople> PeopleAsync(Actor actor, Guid? childId, Guid? venueId, CancellationToken ct)
    {
        string? socialWorker = null;
        List<string> managers = [];
        List<string> coordinators = [];
        if (childId is { } id)
        {
            // The child's context is the one the target was checked with, kept for the request: no second read.
            var child = await children.LoadAsync(actor, id, ct) ?? throw new InvalidOperationException("The session's child was checked a moment ago.");
            socialWorker = string.IsNullOrEmpty(child.SocialWorkerId) ? null : child.SocialWorkerId;
            managers = await InRole(Roles.TeamManager).Where(u => u.TeamId == child.TeamId).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(ct);
        }
        if (venueId is { } venue)
        {
            var area = await db.Venues.AsNoTracking().Where(v => v.Id == venue).Select(v => v.AreaId).SingleAsync(ct);
            coordinators = await InRole(Roles.ContactCoordinator).Where(u => u.AreaId == area).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(ct);
        }
        return new FeedbackPeople(socialWorker, managers, coordinators);
    }

    private IQueryable<ApplicationUser> InRole(string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}

using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>What the carer saw before or after one session, as the form sends it.</summary>
public sealed class ObservationInput
{
    public ObservationMoment? Moment { get; set; }
    public int? Sleep { get; set; }
    public int? Eating { get; set; }
    public int? Mood { get; set; }
    public int? Regression { get; set; }
    public int? Aggression { get; set; }
    public int? Withdrawal { get; set; }
    public int? School { get; set; }
    public string? Words { get; set; }

    public IReadOnlyDictionary<string, int?> Ratings() => new Dictionary<string, int?>
    {
        ["Sleep"] = Sleep, ["Eating"] = Eating, ["Mood"] = Mood, ["Regression"] = Regression,
        ["Aggression"] = Aggression, ["Withdrawal"] = Withdrawal, ["School"] = School,
    };
}

/// <summary>
/// Records how the child was before or after a session. Each moment is recorded once: what the carer saw on the day
/// is evidence of a trend, so a second save is refused with who recorded it and when, never written over.
/// </summary>
public sealed class RecordObservation(FamilyTimeDbContext db, WellbeingReader reader, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<CarerObservation>> HandleAsync(ChildContext child, Guid sessionId, ObservationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(input);
        var (actor, childId) = (child.Actor, child.ChildId);
        var session = await reader.ReadSessionAsync(child, sessionId, ct);
        if (session is null)
        {
            return Outcome<CarerObservation>.NotFound();
        }
        var today = clock.Today();
        if (session.Date > today)
        {
            return Outcome<CarerObservation>.Invalid(nameof(ObservationInput.Moment),
                $"The session is on {session.Date:d MMMM yyyy}: how {session.ChildName} was can be recorded from that day");
        }
        if (input.Moment is { } moment && session.Recorded.FirstOrDefault(r => r.Observation.Moment == moment) is { } already)
        {
            return Outcome<CarerObservation>.Invalid(nameof(ObservationInput.Moment), AlreadyRecorded(already));
        }
        var (observation, errors) = CarerObservation.Record(sessionId, childId, input.Moment ?? default, input.Ratings(), input.Words, actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (!errors.IsValid)
        {
            return Outcome<CarerObservation>.Invalid(errors);
        }
        db.CarerObservations.Add(observation!);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.CarerObservation, observation!.Id, childId), ct);
        }
        catch (DbUpdateException)
        {
            // Two carers saving the same moment at once: the unique index keeps the first; the second hears who was first.
            db.ChangeTracker.Clear();
            var first = await reader.ReadSessionAsync(child, sessionId, ct);
            if (first?.Recorded.FirstOrDefault(r => r.Observation.Moment == observation!.Moment) is { } winner)
            {
                return Outcome<CarerObservation>.Invalid(nameof(ObservationInput.Moment), AlreadyRecorded(winner));
            }
            throw;
        }
        return Outcome<CarerObservation>.Ok(observation);
    }

    private static string AlreadyRecorded(RecordedMoment r) =>
        $"{RatingWords.Moment(r.Observation.Moment)} has already been recorded, on {LondonTime.ToLondon(r.Observation.RecordedAt):d MMMM yyyy 'at' HH:mm} by {r.RecordedBy}. It is kept as it was written";
}

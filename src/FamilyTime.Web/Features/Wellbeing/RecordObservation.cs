using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
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
/// Records how the child was before or after one session. Each moment is recorded once: what the carer saw on the day
/// is evidence of a trend, so a second save is refused with who recorded it and when, never written over. Only a
/// session that took place (or ended early) has a before and after: any other is refused with kind words.
/// </summary>
public sealed class RecordObservation(FamilyTimeDbContext db, WellbeingReader reader, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<CarerObservation>> HandleAsync(ChildContext child, Guid sessionId, ObservationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await SaveAsync(child, sessionId, [input], byMoment: false, ct);
        return new Outcome<CarerObservation>(outcome.Kind, outcome.Value is [var one] ? one : null, outcome.Errors, outcome.Message);
    }

    /// <summary>
    /// Before and after from one screen, saved together or not at all: the carer's quick phone screen sends both, and
    /// each moment's problems come under its own prefix ("Before.Sleep", "After.Words").
    /// </summary>
    public Task<Outcome<IReadOnlyList<CarerObservation>>> HandleAsync(ChildContext child, Guid sessionId, IReadOnlyList<ObservationInput> inputs, CancellationToken ct) =>
        SaveAsync(child, sessionId, inputs, byMoment: true, ct);

    private async Task<Outcome<IReadOnlyList<CarerObservation>>> SaveAsync(ChildContext child, Guid sessionId, IReadOnlyList<ObservationInput> inputs, bool byMoment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(inputs);
        if (child.Refused<IReadOnlyList<CarerObservation>>(ChildOperation.RecordWellbeing) is { } refused)
        {
            return refused;
        }
        var (actor, childId) = (child.Actor, child.ChildId);
        var session = await reader.ReadSessionAsync(child, sessionId, ct);
        if (session is null)
        {
            return Outcome<IReadOnlyList<CarerObservation>>.NotFound();
        }
        if (session.Date > clock.Today())
        {
            return Outcome<IReadOnlyList<CarerObservation>>.Invalid(nameof(ObservationInput.Moment),
                $"The session is on {session.Date:d MMMM yyyy}: how {session.ChildName} was can be recorded from that day");
        }
        if (session.NotHeld is { } notHeld)
        {
            return Outcome<IReadOnlyList<CarerObservation>>.Invalid(nameof(ObservationInput.Moment), notHeld);
        }
        var errors = new ValidationErrors();
        var made = new List<CarerObservation>();
        foreach (var input in inputs)
        {
            var prefix = byMoment && input.Moment is { } m ? m + "." : "";
            if (input.Moment is { } moment && session.Recorded.FirstOrDefault(r => r.Observation.Moment == moment) is { } already)
            {
                errors.Add(prefix + nameof(ObservationInput.Moment), AlreadyRecorded(already));
                continue;
            }
            var (observation, problems) = CarerObservation.Record(sessionId, childId, session.Status, input.Moment ?? default, input.Ratings(), input.Words, actor.UserId, clock.GetUtcNow().UtcDateTime);
            foreach (var (field, messages) in problems.ByField)
            {
                foreach (var message in messages)
                {
                    errors.Add(prefix + field, message);
                }
            }
            if (observation is not null)
            {
                made.Add(observation);
            }
        }
        if (!errors.IsValid)
        {
            return Outcome<IReadOnlyList<CarerObservation>>.Invalid(errors);
        }
        db.CarerObservations.AddRange(made);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, made.Select(o => new AuditNote(AuditAction.Create, AuditRecord.CarerObservation, o.Id, childId)).ToList(), ct);
        }
        catch (DbUpdateException)
        {
            // Two carers saving the same moment at once: the unique index keeps the first; the second hears who was first.
            db.ChangeTracker.Clear();
            var first = await reader.ReadSessionAsync(child, sessionId, ct);
            if (first?.Recorded.FirstOrDefault(r => made.Any(o => o.Moment == r.Observation.Moment)) is { } winner)
            {
                var prefix = byMoment ? winner.Observation.Moment + "." : "";
                return Outcome<IReadOnlyList<CarerObservation>>.Invalid(prefix + nameof(ObservationInput.Moment), AlreadyRecorded(winner));
            }
            throw;
        }
        return Outcome<IReadOnlyList<CarerObservation>>.Ok(made);
    }

    private static string AlreadyRecorded(RecordedMoment r) =>
        $"{RatingWords.Moment(r.Observation.Moment)} has already been recorded, on {LondonTime.ToLondon(r.Observation.RecordedAt):d MMMM yyyy 'at' HH:mm} by {r.RecordedBy}. It is kept as it was written";
}

using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// What a run planned, and from what: kept with the run (as JSON) so the page shows the plan beside what was there
/// before, and a pin or a change is checked against the same rooms, workers and windows the plan was made from.
/// Staff only: it holds the home districts the rota used.
/// </summary>
public sealed record RotaRunResult(
    string AreaName,
    DateOnly WeekStart,
    IReadOnlyList<RotaRoom> Rooms,
    IReadOnlyList<RotaWorkerView> Workers,
    IReadOnlyList<RotaSession> Sessions,
    IReadOnlyList<RotaSessionInfo> Info,
    IReadOnlyList<RotaPin> Pins,
    int PublishedCount,
    RotaPlan? Plan,
    /// <summary>Whether a plan of the week had been published: then <see cref="PublishedCount"/> counts its sessions and
    /// rule 10 limits their moves; else it counts the sessions as they stood, whose moves are only weighed.</summary>
    bool WeekPublished = true)
{
    public RotaSession? Session(Guid id) => Sessions.FirstOrDefault(s => s.Id == id);
    public RotaSessionInfo? InfoOf(Guid id) => Info.FirstOrDefault(s => s.SessionId == id);
    public RotaRoom? Room(Guid? id) => id is null ? null : Rooms.FirstOrDefault(r => r.Id == id);
    public string WorkerName(string id) => Workers.FirstOrDefault(w => w.Id == id)?.Name ?? "someone no longer on the rota";

    /// <summary>
    /// After "changed from now": how many of the changes were the plan's choice. In a published week, its moves of
    /// published sessions (rule 10 limits them); in a week never published, the sessions moved although they could have
    /// stayed as carers and families know them (the others could not: a time in school hours, a room of another area).
    /// </summary>
    public string MovedWords(RotaPlan plan, int changed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (PublishedCount == 0)
        {
            return "";
        }
        if (WeekPublished)
        {
            return $" ({plan.Stats.Moved} of {PublishedCount} published sessions moved)";
        }
        if (changed == 0)
        {
            return "";
        }
        var chosen = Math.Min(plan.Stats.Moved, changed);
        return chosen == changed
            ? $" ({(changed == 1 ? "moved" : "all moved")} to fit the rest of the week)"
            : chosen == 0
                ? $" ({(changed == 1 ? "it" : "each")} could not stay as it was)"
                : $" ({chosen} moved to fit the rest of the week; the other {changed - chosen} could not stay as {(changed - chosen == 1 ? "it was" : "they were")})";
    }
}

/// <summary>A worker as the run saw them (the problem's worker, with a list for languages so it reads back from JSON).</summary>
public sealed record RotaWorkerView(string Id, string Name, WorkerSkills Skills, IReadOnlyList<string> Languages, IReadOnlyList<DayWindow> Available, int MaxMinutesPerWeek);

/// <summary>One session as it stood when the run began: what "changed from" compares with, and the version publishing checks.</summary>
public sealed record RotaSessionInfo(
    Guid SessionId,
    Guid ChildId,
    string ChildName,
    DateOnly Date,
    int SessionVersion,
    Guid? VenueId,
    Guid? RoomId,
    int Start,
    IReadOnlyList<string> WorkerIds,
    string WindowWhy,
    string? HomeDistrict);

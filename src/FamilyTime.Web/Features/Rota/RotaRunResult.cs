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
    RotaPlan? Plan)
{
    public RotaSession? Session(Guid id) => Sessions.FirstOrDefault(s => s.Id == id);
    public RotaSessionInfo? InfoOf(Guid id) => Info.FirstOrDefault(s => s.SessionId == id);
    public RotaRoom? Room(Guid? id) => id is null ? null : Rooms.FirstOrDefault(r => r.Id == id);
    public string WorkerName(string id) => Workers.FirstOrDefault(w => w.Id == id)?.Name ?? "someone no longer on the rota";
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

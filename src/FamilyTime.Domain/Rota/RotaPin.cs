namespace FamilyTime.Domain.Rota;

/// <summary>
/// What a coordinator fixed for one session of an area's week: any of room, start and worker(s). Every run of the
/// week keeps what a pin gives (the rota's rule 9). One pin a session: changing it replaces it.
/// </summary>
public sealed class RotaPin : Common.IVersioned
{
    private RotaPin() { }

    public RotaPin(Guid areaId, DateOnly weekStart, Guid sessionId, Guid? roomId, TimeOnly? start, IEnumerable<string>? workerIds, string byId, DateTime at)
    {
        Id = Guid.NewGuid();
        AreaId = areaId;
        WeekStart = weekStart;
        SessionId = sessionId;
        Change(roomId, start, workerIds, byId, at);
    }

    public Guid Id { get; private set; }
    public Guid AreaId { get; private set; }
    public DateOnly WeekStart { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid? RoomId { get; private set; }
    public TimeOnly? Start { get; private set; }

    /// <summary>The exact worker set, or empty when the workers are left to the plan.</summary>
    public List<string> WorkerIds { get; private set; } = [];
    public string PinnedById { get; private set; } = "";
    public DateTime PinnedAt { get; private set; }
    public int Version { get; set; }

    public void Change(Guid? roomId, TimeOnly? start, IEnumerable<string>? workerIds, string byId, DateTime at)
    {
        RoomId = roomId;
        Start = start;
        WorkerIds = (workerIds ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.Ordinal).ToList();
        PinnedById = byId;
        PinnedAt = at;
    }
}

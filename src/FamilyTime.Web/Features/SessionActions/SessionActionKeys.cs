using FamilyTime.Domain.Sessions;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// The keys of the tasks and messages the family's actions and ringing in make. A key names the session's slot (its
/// day and time), so a session moved to another day can be rung in again, while a step run twice finds its key.
/// </summary>
public static class SessionActionKeys
{
    public static string Slot(FamilyTimeSession s) => $"{s.Id}:{s.Date:yyyyMMdd}{s.StartTime:HHmm}";

    /// <summary>The prefix of everything ringing in makes for one slot of a session.</summary>
    public static string RingingIn(FamilyTimeSession s) => $"ringing-in:{Slot(s)}";
    public static string NotSettingOff(FamilyTimeSession s) => $"{RingingIn(s)}:off";
    public static string OnAgain(FamilyTimeSession s) => $"{RingingIn(s)}:on";
    public static string UnconfirmedTask(FamilyTimeSession s) => $"{RingingIn(s)}:task";
    public static string CantCome(FamilyTimeSession s) => $"cant-come:{s.Id}";

    /// <summary>Each change of "running late" is its own message: the session's version before it names it.</summary>
    public static string RunningLate(FamilyTimeSession s, int minutes) => $"running-late:{Slot(s)}:{minutes}:v{s.Version}";
    public static string Rearrange(Guid requestId) => $"rearrange:{requestId}";
}

/// <summary>The addresses of the staff pages this feature adds.</summary>
public static class SessionActionLinks
{
    public static string Rearrangement(Guid childId, Guid sessionId, Guid requestId) => $"/Children/{childId}/Sessions/{sessionId}/Rearrange/{requestId}";
}

namespace FamilyTime.Scheduling.Checking;

/// <summary>The hard rules of the rota (README, "Hard rules"), as the checker names them in a <c>RotaViolation</c>.</summary>
public static class RotaRule
{
    public const string Complete = "1 Complete";
    public const string Window = "2 Window";
    public const string Room = "3 Room";
    public const string OneBookingPerRoom = "4 One booking per room";
    public const string Workers = "5 Workers";
    public const string OnePlaceAtATimeForAWorker = "6 One place at a time for a worker";
    public const string Hours = "7 Hours";
    public const string OnePlaceAtATimeForAChildOrParent = "8 One place at a time for a child or a parent";
    public const string Pins = "9 Pins";
    public const string FewMoves = "10 Few moves";
}

using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Portfolio;

/// <summary>
/// A parent's family time so far, counted from their sessions, in words that do not blame: held, times they
/// could not come, cancelled by us, and other reasons (the child or the carers, a rearrangement, a pause).
/// Sessions still to come, or not yet closed off, are not counted.
/// </summary>
public sealed record Attendance(int Held, int CouldNotCome, int CancelledByUs, int OtherReasons)
{
    public int Total => Held + CouldNotCome + CancelledByUs + OtherReasons;

    public static Attendance Count(IEnumerable<SessionStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int held = 0, couldNot = 0, us = 0, other = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case SessionStatus.Planned:
                case SessionStatus.IndirectContact:
                // A session the plan withdrew was never due: it counts nowhere.
                case SessionStatus.PlanChanged:
                    break;
                case var s when FamilyTimeSession.IsHeld(s):
                    held++;
                    break;
                case SessionStatus.CancelledByParent or SessionStatus.ParentDidNotAttend:
                    couldNot++;
                    break;
                case SessionStatus.CancelledByAuthority:
                    us++;
                    break;
                default:
                    other++;
                    break;
            }
        }
        return new Attendance(held, couldNot, us, other);
    }
}

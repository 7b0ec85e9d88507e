using FamilyTime.Domain.Scheduling;

namespace FamilyTime.Web.Features.Scheduling;

/// <summary>
/// Does one kind of scheduled job. The runner saves the handler's staged changes together with the job's "done",
/// so a job's work is saved once or not at all; handlers also look before they add (tasks and messages by key), so
/// running one again after a crash between the two does no harm.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(ScheduledJob job, CancellationToken ct);
}

using FamilyTime.Domain.Tasks;

namespace FamilyTime.Web.Features.Tasks;

/// <summary>A task a step asks someone to do next.</summary>
public sealed record TaskToAdd(string Key, TaskKind Kind, string AssigneeId, Guid? ChildId, string Title, string Link, DateOnly? DueOn);

/// <summary>
/// What a step leaves to do, as values: the tasks it has done (by key prefix) and the tasks it asks for. A use case
/// decides nothing about tasks itself; it stages these on its unit of work so they are saved with the step or not at all.
/// </summary>
public sealed record TaskFollowUps(IReadOnlyList<string> Done, IReadOnlyList<TaskToAdd> Add)
{
    public static TaskFollowUps None { get; } = new([], []);

    public static TaskFollowUps Completing(params string[] keyPrefixes) => new(keyPrefixes, []);

    public TaskFollowUps Then(params TaskToAdd[] more) => this with { Add = [.. Add, .. more] };
}

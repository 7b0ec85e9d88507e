using FamilyTime.Domain.Access;
using System.Security.Claims;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>One open task: what to do, about which child, where in the service to do it, and by when.</summary>
public sealed record TaskDto(Guid Id, TaskKind Kind, Guid? ChildId, string Title, string Link, DateOnly? DueOn, DateTime CreatedAt);

public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", Mine).WithTags("Tasks").StaffOnly()
            .WithSummary("Your open tasks, those with a due date first, soonest first. Only your own: nobody reads another person's list here.");
    }

    private static async Task<Ok<List<TaskDto>>> Mine(ClaimsPrincipal user, TaskList tasks, CancellationToken ct)
    {
        var open = await tasks.OpenForAsync(user.Scope().UserId, ct);
        return TypedResults.Ok(open.Select(t => new TaskDto(t.Id, t.Kind, t.ChildId, t.Title, t.Link, t.DueOn, t.CreatedAt)).ToList());
    }
}

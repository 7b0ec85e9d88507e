using FamilyTime.Domain.Tasks;

namespace FamilyTime.UnitTests.Tasks;

/// <summary>One person's task: what it holds when made, and being done once.</summary>
public class WorkTaskTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Child = Guid.NewGuid();

    private static WorkTask Task(string title = "Record the discussions with the team manager and the IRO") =>
        WorkTask.Create("suspension:1:discuss", TaskKind.SuspensionWarning, "sw-1", Child, title, "/Children/x/Suspensions/1", new DateOnly(2026, 11, 29), Monday);

    [Fact]
    public void A_new_task_is_open_and_holds_what_it_was_made_with()
    {
        var task = Task();
        Assert.True(task.IsOpen);
        Assert.NotEqual(Guid.Empty, task.Id);
        Assert.Equal(("suspension:1:discuss", TaskKind.SuspensionWarning, "sw-1", (Guid?)Child), (task.Key, task.Kind, task.AssigneeId, task.ChildId));
        Assert.Equal(("/Children/x/Suspensions/1", (DateOnly?)new DateOnly(2026, 11, 29), Monday), (task.Link, task.DueOn, task.CreatedAt));
        Assert.Null(task.DoneAt);
        Assert.Null(task.DoneById);
    }

    [Fact]
    public void Two_tasks_made_alike_are_still_two_tasks()
    {
        Assert.NotEqual(Task().Id, Task().Id);
    }

    [Fact]
    public void A_long_title_is_cut_to_the_stored_length()
    {
        var task = Task(new string('a', WorkTask.TitleLength + 50));
        Assert.Equal(WorkTask.TitleLength, task.Title.Length);
        Assert.Equal("Short", Task("Short").Title);
    }

    [Theory]
    [InlineData("", "sw-1", "Do it")]
    [InlineData(" ", "sw-1", "Do it")]
    [InlineData("key", "", "Do it")]
    [InlineData("key", "sw-1", " ")]
    public void A_task_needs_a_key_a_person_and_a_title(string key, string assignee, string title)
    {
        Assert.ThrowsAny<ArgumentException>(() => WorkTask.Create(key, TaskKind.ReviewDue, assignee, null, title, "/Inbox", null, Monday));
    }

    [Fact]
    public void Done_once_keeps_the_first_who_and_when()
    {
        var task = Task();
        task.Complete("sw-1", Monday.AddHours(2));
        Assert.False(task.IsOpen);
        task.Complete("manager-1", Monday.AddDays(1));
        Assert.Equal(("sw-1", (DateTime?)Monday.AddHours(2)), (task.DoneById, task.DoneAt));
    }
}

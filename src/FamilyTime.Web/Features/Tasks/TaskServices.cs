namespace FamilyTime.Web.Features.Tasks;

public static class TaskServices
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskList>();
        return services;
    }
}

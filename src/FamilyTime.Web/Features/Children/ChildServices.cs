using FamilyTime.Web.Features.Children.Connections;
using FamilyTime.Web.Features.Children.People;

namespace FamilyTime.Web.Features.Children;

public static class ChildServices
{
    public static IServiceCollection AddChildren(this IServiceCollection services)
    {
        services.AddScoped<ChildList>();
        services.AddScoped<ChildRecord>();
        services.AddScoped<ComeIntoCare>();
        services.AddScoped<EditChild>();
        services.AddScoped<SavePerson>();
        services.AddScoped<FormOptions>();
        services.AddChildConnections();
        return services;
    }
}

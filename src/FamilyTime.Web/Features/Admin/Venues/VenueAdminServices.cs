using FamilyTime.Web.Features.Admin.Venues;
using Microsoft.AspNetCore.Mvc.RazorPages;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class VenueAdminServices
{
    /// <summary>The venue list's handlers and the extra page route, so the host needs one line for the whole feature.</summary>
    public static IServiceCollection AddVenueAdmin(this IServiceCollection services)
    {
        services.AddScoped<VenueDirectory>();
        services.AddScoped<SaveVenue>();
        services.AddScoped<AddRoom>();
        services.AddScoped<VenueEditing>();
        services.AddScoped<SetOpeningHours>();
        services.AddScoped<AddClosure>();
        services.AddScoped<RemoveClosure>();
        services.AddScoped<ChangeRoom>();
        // The add and edit forms are one page, as with people: the edit route is in the page, the add route here.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Venues/Venue", "/Admin/Venues/Add"));
        return services;
    }
}

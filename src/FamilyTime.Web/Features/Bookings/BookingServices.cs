using FamilyTime.Web.Features.Bookings;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class BookingServices
{
    /// <summary>Booking a session's room, workers and driver, with its conflict checks and the notices when it moves.</summary>
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddScoped<BookingFacts>();
        services.AddScoped<SlotClashes>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<BookSession>();
        services.AddScoped<BookingPageReader>();
        return services;
    }
}

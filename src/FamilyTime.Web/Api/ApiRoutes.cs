using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Api;

public static class ApiRoutes
{
    /// <summary>
    /// The JSON API under /api/v1. It takes bearer tokens only, never the page cookie, so a page on another site
    /// cannot make a signed-in browser call it (no cross-site request forgery).
    /// </summary>
    public static void MapFamilyTimeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        // Every body, query and route value is checked for control characters and dates out of range before any handler runs.
        api.AddEndpointFilter<Input.SafeInputFilter>();
        api.MapAuthEndpoints();
        api.MapForgotPasswordEndpoint();
        api.MapInvitationAcceptEndpoint();
        api.MapNotifyReceiptEndpoint();

        var secured = api.MapGroup("")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .ProducesProblem(401)
            .ProducesProblem(404);
        secured.MapSignOutEndpoint();
        secured.MapPasswordEndpoint();
        secured.MapChildrenEndpoints();
        secured.MapPeopleEndpoints();
        secured.MapPlanEndpoints();
        secured.MapLetterEndpoints();
        secured.MapVenueEndpoints();
        secured.MapVenueAdminEndpoints();
        secured.MapRecordEndpoints();
        secured.MapWellbeingEndpoints();
        secured.MapAnalysisEndpoints();
        secured.MapFeedbackEndpoints();
        secured.MapChangeEndpoints();
        secured.MapSuspensionEndpoints();
        secured.MapReviewEndpoints();
        secured.MapTaskEndpoints();
        secured.MapPortalEndpoints();
        secured.MapVoiceEndpoints();
        secured.MapCarerEndpoints();
        secured.MapInvitationEndpoints();
        secured.MapTravelEndpoints();
        secured.MapRetentionEndpoints();
        secured.MapPortfolioEndpoints();
        secured.MapSessionActionEndpoints();
        secured.MapWeekEndpoints();
        secured.MapRotaEndpoints();
        secured.MapBookingEndpoints();
        secured.MapWorkerEndpoints();
        secured.MapStaffAdminEndpoints();
        secured.MapOutboxEndpoints();
        secured.MapLanguageEndpoints();
        secured.MapCalendarEndpoints();
    }
}

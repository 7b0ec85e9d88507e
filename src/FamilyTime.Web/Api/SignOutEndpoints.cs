using System.Security.Claims;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

public static class SignOutEndpoints
{
    public static void MapSignOutEndpoint(this RouteGroupBuilder secured)
    {
        secured.MapPost("/auth/sign-out", SignOut).AnyoneSignedIn().WithTags("AuthEndpoints")
            .WithSummary("Signs out everywhere: this bearer token, every other token and refresh token, and every browser signed in to the account stop working at once.");
    }

    private static async Task<NoContent> SignOut(ClaimsPrincipal user, EndSessions sessions)
    {
        await sessions.EndAllAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), "signed out");
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Api.Tokens;

public static class ApiTokenServices
{
    /// <summary>
    /// The bearer scheme that reads access tokens (Security:AccessTokenMinutes, 10 by default: short, since a stolen
    /// one cannot be recalled before it runs out except through the security stamp), the scheme POST /auth/token signs
    /// in with, and the refresh-token store (Security:RefreshTokenDays, 14 by default).
    /// </summary>
    public static void AddApiTokens(this AuthenticationBuilder authentication, IConfiguration config)
    {
        var services = authentication.Services;
        services.Configure<ApiTokenLifetimes>(config.GetSection("Security"));
        var minutes = config.GetValue("Security:AccessTokenMinutes", new ApiTokenLifetimes().AccessTokenMinutes);
        authentication
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(minutes))
            .AddScheme<AuthenticationSchemeOptions, TokenIssueHandler>(TokenIssueHandler.SchemeName, _ => { });
        services.AddScoped<RefreshTokenStore>();
        services.AddScoped<ApiTokenIssuer>();
    }
}

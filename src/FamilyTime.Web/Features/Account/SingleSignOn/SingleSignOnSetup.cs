using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.SingleSignOn;

/// <summary>The council's OpenID Connect sign-in (code flow with PKCE), off unless an authority is set.</summary>
public static class SingleSignOnSetup
{
    public static void AddCouncilSignOn(this AuthenticationBuilder auth, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var settings = config.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>() ?? new SingleSignOnSettings();
        auth.Services.AddSingleton(settings);
        auth.Services.AddScoped<LinkCouncilAccount>();
        if (!settings.Enabled)
        {
            return;
        }
        if (settings.GroupRoles.FirstOrDefault(g => !Roles.Staff.Contains(g.Value)) is { Key: not null } wrong)
        {
            throw new InvalidOperationException(
                $"{SingleSignOnSettings.Section}:GroupRoles maps the group {wrong.Key} to '{wrong.Value}', which is not a staff role. Use one of: {string.Join(", ", Roles.Staff)}.");
        }
        // Read once: a missing or unreadable certificate stops start-up with the reason, not the first sign-in.
        var certificate = string.IsNullOrWhiteSpace(settings.ClientCertificatePath) ? null
            : CertificateFile.Load(settings.ClientCertificatePath, settings.ClientCertificatePassword);
        auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = certificate is null ? settings.ClientSecret : null;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email");
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            o.SignedOutRedirectUri = "/Account/SignOut";
            // The token's own names (tid, oid, groups, preferred_username): the link is made from them.
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "name";
            o.Events.OnTokenValidated = context =>
            {
                if (context.Principal is not { Identity: ClaimsIdentity identity } principal || CouncilIdentity.Key(principal) is not { } key)
                {
                    context.Fail("The council's sign-in did not say who signed in (no issuer, object id or subject).");
                    return Task.CompletedTask;
                }
                // Identity's external login reads the provider key from the name identifier.
                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, key));
                return Task.CompletedTask;
            };
            if (certificate is not null)
            {
                o.Events.OnAuthorizationCodeReceived = async context =>
                {
                    var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    // The discovery document read by the handler (Options.Configuration is set only when given by hand).
                    var discovery = context.Options.Configuration
                        ?? await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
                    var request = context.TokenEndpointRequest!;
                    request.ClientSecret = null;
                    request.ClientAssertionType = ClientAssertion.Type;
                    request.ClientAssertion = ClientAssertion.Create(certificate, settings.ClientId!, discovery.TokenEndpoint, clock.GetUtcNow());
                };
            }
        });
    }
}

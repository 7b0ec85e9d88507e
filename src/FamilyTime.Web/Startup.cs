using System.Threading.RateLimiting;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using FamilyTime.Web.Api;
using FamilyTime.Web.Audit;
#if DEMO_DATA
using FamilyTime.Web.Demo;
#endif
using FamilyTime.Web.Features.Admin.Outbox;
using FamilyTime.Web.Features.Admin.Venues;
using FamilyTime.Web.Features.Analysis;
using FamilyTime.Web.Features.Calendar;
using FamilyTime.Web.Features.Changes;
using FamilyTime.Web.Features.Children;
using FamilyTime.Web.Features.Dashboard;
using FamilyTime.Web.Features.Feedback;
using FamilyTime.Web.Features.Inbox;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Features.Records;
using FamilyTime.Web.Features.Reviews;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Sessions;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Features.Wellbeing;
using FamilyTime.Web.Features.Portal.Carer;
using FamilyTime.Web.Infrastructure;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web;

/// <summary>The host's services and request pipeline, in one place so the tests' factory builds the same app.</summary>
public static class Startup
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>PBKDF2 iterations for a password's hash (OWASP's figure for HMAC-SHA512).</summary>
    public const int PasswordIterations = 210_000;

    public static void AddFamilyTime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        // The server's name and version tell an attacker which flaws to try; nobody else needs them.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddSingleton<WriteGate>();
        services.AddPublicAddress(config);
        services.AddFamilyTimeDatabase(config);
        // Holds <database>.lock while the service runs, so `familytime restore` refuses to replace the file under it.
        services.AddHostedService<Features.Admin.Backups.ServiceHold>();
        services.AddFamilyTimeKeyRing(config);

        // PBKDF2-HMAC-SHA512 at OWASP's 210,000 iterations (Identity's default is 100,000). A password hashed with fewer
        // is hashed again when its owner next signs in (UserManager sees "rehash needed"), so nobody has to reset it.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordIterations);
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                // Identity's lockout no longer counts wrong passwords (they go to the sign-in throttle, which a stranger
                // cannot turn against the account holder: see Features/Account/Throttle/SignInThrottle.cs). It still
                // locks after 5 wrong authenticator codes, which only someone who knew the password can send, and it is
                // what holds a suspended or deactivated account out.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<FamilyTimeDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "familytime";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        var authentication = services.AddAuthentication();
        Api.Tokens.ApiTokenServices.AddApiTokens(authentication, config);
        Features.Account.SingleSignOn.SingleSignOnSetup.AddCouncilSignOn(authentication, config);
        services.AddChildAccess();
        Features.Account.Mfa.MfaSetUpFirst.AddMfaPolicy(services, config, builder.Environment);

        Features.Account.Throttle.SignInThrottleServices.AddSignInThrottle(services, config);
        // Kept beside the throttle: it caps what one address may try across all names (spraying many user names).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permit = config.GetValue("Security:SignInAttemptsPerMinute", 10);
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // Who may open each page is declared on the page itself (see Access/RouteRules.cs).
                o.Conventions.AddPageRoute("/Children/People/Person", "/Children/{id:guid}/People/Add");
                o.Conventions.AddPageRoute("/Plans/Arrangement", "/Children/{id:guid}/Plan/Arrangements/Add");
                o.Conventions.AddPageRoute("/Records/Session", "/Children/{id:guid}/Sessions/{sessionId:guid}/Record");
                o.Conventions.AddPageRoute("/Portfolio/DiaryEntryPage", "/Portal/Diary/{entryId:guid}/Edit");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new UnknownHandlerFilter());
                SafeFormTextBinder.Register(o);
            });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = DescribeBadRequests);
        // Unreadable bodies become exceptions so the handler above can explain them as problem details.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddApiDocument();
        // Numbers are numbers: the web default also reads "12" as 12, which the document would then have to offer as a string.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddLightPages();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<AuditedSave>();
        services.AddScoped<AuditChainWalk>();
        services.AddScoped<AuditAnchor>();
        services.Configure<AuditAnchorOptions>(config.GetSection("Audit"));
        services.AddHostedService<AuditAnchorService>();
        services.AddScoped<Api.Idempotency.IdempotencyClaim>();
#if DEMO_DATA
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoLetters>();
#endif
        services.AddScoped<Features.Admin.AuditTrail>();
        // Each feature registers its own services.
        services.AddChildren();
        services.AddFamilyTimePlans(config);
        Features.Assessments.AssessmentServices.AddAssessments(services);
        services.AddSessions();
        services.AddSessionRecords();
        Features.Portal.PortalServices.AddParentPortal(services);
        services.AddInbox();
        services.AddChanges();
        services.AddSuspensions();
        services.AddReviews(config);
        services.AddDashboard();
        services.AddTasks();
        services.AddVenueAdmin();
        services.AddStaffAdmin();
        services.AddPasswords();
        services.AddCalendarFeeds(config);
        services.AddAnalysis();
        services.AddFeedback();
        services.AddInvitations(config);
        Features.Travel.TravelServices.AddTravel(services);
        Features.Retention.RetentionServices.AddRetention(services);
        services.AddWellbeing();
        services.AddVoice();
        services.AddCarerPortal();
        services.AddNotifications();
        services.AddOutboxPages();
        services.AddMessageSenders(config);
        services.AddScheduler(config);
        services.AddSessionActions();
        Features.Week.WeekServices.AddWeekViews(services);
        services.AddRota();
        services.AddBookings();
        services.AddWorkers();
    }

    public static void UseFamilyTime(this WebApplication app)
    {
        app.UsePublicAddress();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders(app.Configuration["Authentication:Oidc:Authority"]);
        app.UseRequestSizeLimit();
        // The API answers problem details (RFC 9457); pages answer a plain-words error page. Neither shows a stack trace.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                // A body the API cannot read is the caller's mistake, answered with what was wrong: one warning line,
                // not an error with a stack trace for every malformed request (a fuzzer would fill the log).
                SuppressDiagnosticsCallback = context => BadRequestLog.Suppressed(context),
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        });
        app.UseLightPages(app.Environment);
        app.UseRouting();
        app.UseRoutingRefusals();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseNoStoreWhenSignedIn();
        app.UseAuthorization();
        app.UseRouteRules();
        app.UseMiddleware<Api.Idempotency.IdempotencyMiddleware>();
        Features.Account.Mfa.MfaSetUpFirst.UseMfaSetUpFirst(app);

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapFamilyTimeApi();
        app.MapCalendarFeeds();
        app.MapRazorPages();
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    /// <summary>Says what was wrong with a request body the API could not read, instead of a bare 400.</summary>
    private static void DescribeBadRequests(ProblemDetailsContext context)
    {
        var bad = context.Exception as BadHttpRequestException;
        var status = bad?.StatusCode ?? context.ProblemDetails.Status;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            context.ProblemDetails.Status = status;
            context.ProblemDetails.Title = "The request is too large";
            context.ProblemDetails.Detail = $"Send at most {RequestSizeLimit.MaxBodyBytes / 1024} KB in one request. Nothing was saved.";
        }
        else if (bad is not null)
        {
            context.ProblemDetails.Status = bad.StatusCode;
            context.ProblemDetails.Title = "The request could not be read";
            context.ProblemDetails.Detail =
                "The body must be well-formed JSON with values of the right type: text in quotes, numbers without quotes, dates as \"YYYY-MM-DD\", true or false for yes/no. Nothing was saved.";
        }
    }
}

using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>Setting up and checking the database behind any of the tests' apps (a <see cref="FamilyTimeFactory"/> or one
/// made from it with other settings).</summary>
public static class AppData
{
    /// <summary>Runs <paramref name="work"/> against the database directly, to set up or check what the HTTP side did.</summary>
    public static async Task<T> DbAsync<T>(this WebApplicationFactory<Program> app, Func<FamilyTimeDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>());
    }

    /// <summary>Adds an account with one role (the roles are made with the database), with the demo password unless
    /// <paramref name="password"/> is false; answers its id.</summary>
    public static async Task<string> AddAccountAsync(this WebApplicationFactory<Program> app, string userName, string displayName, string role,
        string? email = null, bool password = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, Email = email, EmailConfirmed = email is not null };
        Assert.True((password ? await users.CreateAsync(user, DemoAccounts.Password) : await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}

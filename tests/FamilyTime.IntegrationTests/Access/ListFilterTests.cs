using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>
/// Lists are filtered in the database by <see cref="ChildAccessPolicy.Reachable"/>, single children by the
/// <see cref="ChildContext"/>: for every demo account and every operation, the list holds exactly the children whose
/// context allows that operation, so the query and the table cannot drift apart.
/// </summary>
public abstract class ListFilterTests(FamilyTimeFactory app)
{
    [Fact]
    public async Task Every_list_filter_lets_in_exactly_the_children_the_table_allows()
    {
        var differences = new List<string>();
        foreach (var (userName, _, _) in DemoAccounts.All)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<FamilyTime.Data.FamilyTimeDbContext>();
            var actor = await ActorAsync(db, userName);
            var loader = services.GetRequiredService<ChildContextLoader>();
            var contexts = new List<ChildContext>();
            foreach (var id in await db.Children.Select(c => c.Id).ToListAsync())
            {
                contexts.Add((await loader.LoadAsync(actor, id, CancellationToken.None))!);
            }
            foreach (var operation in Enum.GetValues<ChildOperation>())
            {
                var listed = (await services.GetRequiredService<ChildAccessPolicy>().Reachable(actor.Scope, operation).Select(c => c.Id).ToListAsync()).ToHashSet();
                var allowed = contexts.Where(c => c.Can(operation)).Select(c => c.ChildId).ToHashSet();
                if (!listed.SetEquals(allowed))
                {
                    differences.Add($"{userName} {operation}: listed {listed.Count}, allowed {allowed.Count}");
                }
            }
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static async Task<Actor> ActorAsync(FamilyTime.Data.FamilyTimeDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new Actor(new UserScope(user.Id, roles.ToHashSet(StringComparer.Ordinal), user.TeamId, user.AreaId, user.CarerHouseholdId), userName, user.DisplayName);
    }
}

public sealed class ListFilterTestsOnSqlite(SqliteApp fixture) : ListFilterTests(fixture.Factory), IClassFixture<SqliteApp>;

public sealed class ListFilterTestsOnPostgres(PostgresApp fixture) : ListFilterTests(fixture.Factory), IClassFixture<PostgresApp>;

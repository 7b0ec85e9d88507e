using FamilyTime.Domain.Access;

namespace FamilyTime.UnitTests;

public class ChildAccessRulesTests
{
    private static readonly Guid ChildTeam = new("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid OtherTeam = new("aaaaaaaa-0000-0000-0000-000000000002");
    private static readonly Guid ChildArea = new("bbbbbbbb-0000-0000-0000-000000000001");
    private static readonly Guid OtherArea = new("bbbbbbbb-0000-0000-0000-000000000002");
    private static readonly Guid ChildHome = new("cccccccc-0000-0000-0000-000000000001");
    private static readonly Guid OtherHome = new("cccccccc-0000-0000-0000-000000000002");

    private static readonly ChildFacts Child = new(
        SocialWorkerId: "sw-1",
        TeamId: ChildTeam,
        AreaId: ChildArea,
        IroId: "iro-1",
        CurrentCarerHouseholdId: ChildHome,
        SupervisorIds: ["cw-1", "cw-2"],
        FamilyPortalUserIds: ["parent-1"]);

    private static UserScope User(string id, string[] roles, Guid? team = null, Guid? area = null, Guid? household = null) =>
        new(id, roles.ToHashSet(StringComparer.Ordinal), team, area, household);

    private static UserScope User(string id, string role, Guid? team = null, Guid? area = null, Guid? household = null) =>
        User(id, [role], team, area, household);

    /// <summary>For each role: a user whose work includes this child, and one whose work does not.</summary>
    public static TheoryData<string, UserScope, ChildAccess, bool, UserScope, ChildAccess> ByRole() => new()
    {
        { Roles.SocialWorker, User("sw-1", Roles.SocialWorker, ChildTeam), ChildAccess.Case, true,
            User("sw-2", Roles.SocialWorker, ChildTeam), ChildAccess.None },
        { Roles.TeamManager, User("tm-1", Roles.TeamManager, ChildTeam), ChildAccess.Case, true,
            User("tm-2", Roles.TeamManager, OtherTeam), ChildAccess.None },
        { Roles.HeadOfService, User("hos-1", Roles.HeadOfService), ChildAccess.Case, false,
            User("hos-2", Roles.HeadOfService, OtherTeam, OtherArea), ChildAccess.Case },
        { Roles.Iro, User("iro-1", Roles.Iro), ChildAccess.Case, false,
            User("iro-2", Roles.Iro, ChildTeam, ChildArea), ChildAccess.None },
        { Roles.Carer, User("carer-1", Roles.Carer, household: ChildHome), ChildAccess.Support, false,
            User("carer-2", Roles.Carer, household: OtherHome), ChildAccess.None },
        { Roles.ContactWorker, User("cw-2", Roles.ContactWorker, area: ChildArea), ChildAccess.Support, false,
            User("cw-3", Roles.ContactWorker, area: ChildArea), ChildAccess.None },
        { Roles.ContactCoordinator, User("co-1", Roles.ContactCoordinator, area: ChildArea), ChildAccess.Support, false,
            User("co-2", Roles.ContactCoordinator, area: OtherArea), ChildAccess.None },
        { Roles.Parent, User("parent-1", Roles.Parent), ChildAccess.Family, false,
            User("parent-2", Roles.Parent), ChildAccess.None },
        { Roles.Administrator, User("admin-1", Roles.Administrator, ChildTeam, ChildArea, ChildHome), ChildAccess.None, false,
            User("admin-2", Roles.Administrator), ChildAccess.None },
    };

    [Fact]
    public void Every_role_is_in_the_table()
    {
        var covered = ByRole().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.True(covered.SetEquals(Roles.All), "A role was added or removed: decide its access and add it to ByRole.");
        Assert.Equal(Roles.All.Count, Roles.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ByRole))]
    public void LevelFor_and_CanEdit_by_role(string role, UserScope reaches, ChildAccess reachesLevel, bool reachesCanEdit, UserScope doesNotReach, ChildAccess otherLevel)
    {
        Assert.True(reaches.Is(role));
        Assert.Equal(reachesLevel, ChildAccessRules.LevelFor(reaches, Child));
        Assert.Equal(reachesCanEdit, ChildAccessRules.CanEdit(reaches, Child));
        Assert.Equal(otherLevel, ChildAccessRules.LevelFor(doesNotReach, Child));
        Assert.False(ChildAccessRules.CanEdit(doesNotReach, Child));
    }

    [Theory]
    [InlineData(Roles.SocialWorker, true)]
    [InlineData(Roles.TeamManager, true)]
    [InlineData(Roles.HeadOfService, false)]
    [InlineData(Roles.Iro, false)]
    [InlineData(Roles.Carer, false)]
    [InlineData(Roles.ContactWorker, false)]
    [InlineData(Roles.ContactCoordinator, false)]
    [InlineData(Roles.Parent, false)]
    [InlineData(Roles.Administrator, false)]
    public void CanBringIntoCare_only_social_workers_and_team_managers_with_a_team(string role, bool expected)
    {
        Assert.Equal(expected, ChildAccessRules.CanBringIntoCare(User("u", role, ChildTeam, ChildArea, ChildHome)));
        Assert.False(ChildAccessRules.CanBringIntoCare(User("u", role, team: null, ChildArea, ChildHome)));
    }

    [Fact]
    public void Every_role_is_in_the_CanBringIntoCare_table()
    {
        var rows = typeof(ChildAccessRulesTests).GetMethod(nameof(CanBringIntoCare_only_social_workers_and_team_managers_with_a_team))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).ToHashSet(StringComparer.Ordinal);
        Assert.True(rows.SetEquals(Roles.All));
    }

    [Fact]
    public void The_allocated_social_worker_s_id_without_the_role_opens_nothing()
    {
        var notASocialWorker = User("sw-1", Roles.ContactCoordinator, ChildTeam, OtherArea);
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(notASocialWorker, Child));
        Assert.False(ChildAccessRules.CanEdit(notASocialWorker, Child));
    }

    [Fact]
    public void A_social_worker_in_the_child_s_team_but_not_allocated_cannot_reach_the_child()
    {
        var colleague = User("sw-2", Roles.SocialWorker, ChildTeam, ChildArea);
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(colleague, Child));
    }

    [Fact]
    public void A_team_manager_without_a_team_reaches_no_child()
    {
        var manager = User("tm-0", Roles.TeamManager, team: null);
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(manager, Child));
        Assert.False(ChildAccessRules.CanEdit(manager, Child));
    }

    [Fact]
    public void A_carer_without_a_household_does_not_reach_a_child_without_a_home()
    {
        var childWithoutCarer = Child with { CurrentCarerHouseholdId = null };
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(User("carer-0", Roles.Carer), childWithoutCarer));
    }

    [Fact]
    public void A_coordinator_without_an_area_reaches_no_child() =>
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(User("co-0", Roles.ContactCoordinator), Child));

    [Fact]
    public void A_child_without_an_iro_is_not_reached_by_any_iro() =>
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(User("iro-1", Roles.Iro), Child with { IroId = null }));

    [Fact]
    public void A_portal_user_id_without_the_parent_role_opens_nothing() =>
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(User("parent-1", Roles.ContactWorker), Child));

    [Fact]
    public void Another_team_s_manager_cannot_edit_even_with_a_case_level_role()
    {
        var manager = User("tm-2", [Roles.TeamManager, Roles.HeadOfService], OtherTeam);
        Assert.Equal(ChildAccess.Case, ChildAccessRules.LevelFor(manager, Child));
        Assert.False(ChildAccessRules.CanEdit(manager, Child));
    }

    [Theory]
    // A parent in the portal who is also a contact worker, but not assigned to this child: family only.
    // An assigned contact worker who also has the parent role: support beats family.
    [InlineData("parent-1", new[] { Roles.Parent, Roles.ContactWorker }, ChildAccess.Family)]
    [InlineData("cw-1", new[] { Roles.Parent, Roles.ContactWorker }, ChildAccess.Support)]
    [InlineData("iro-1", new[] { Roles.Carer, Roles.Iro }, ChildAccess.Case)]
    [InlineData("sw-1", new[] { Roles.Administrator, Roles.SocialWorker }, ChildAccess.Case)]
    [InlineData("someone", new[] { Roles.Administrator, Roles.Parent }, ChildAccess.None)]
    public void Two_roles_give_the_most_generous_level(string id, string[] roles, ChildAccess expected) =>
        Assert.Equal(expected, ChildAccessRules.LevelFor(User(id, roles, OtherTeam, ChildArea), Child));

    [Fact]
    public void A_carer_of_the_child_who_is_also_in_the_family_portal_gets_support()
    {
        var user = User("parent-1", [Roles.Parent, Roles.Carer], household: ChildHome);
        Assert.Equal(ChildAccess.Support, ChildAccessRules.LevelFor(user, Child));
    }

    [Fact]
    public void A_head_of_service_who_is_also_the_allocated_social_worker_can_edit()
    {
        var user = User("sw-1", [Roles.HeadOfService, Roles.SocialWorker], OtherTeam);
        Assert.Equal(ChildAccess.Case, ChildAccessRules.LevelFor(user, Child));
        Assert.True(ChildAccessRules.CanEdit(user, Child));
    }

    [Fact]
    public void The_levels_are_ordered_from_nothing_to_the_whole_case()
    {
        Assert.True(ChildAccess.None < ChildAccess.Family);
        Assert.True(ChildAccess.Family < ChildAccess.Support);
        Assert.True(ChildAccess.Support < ChildAccess.Case);
        Assert.Equal(0, (int)ChildAccess.None);
    }

    [Fact]
    public void A_user_with_no_roles_reaches_nothing()
    {
        var nobody = User("sw-1", [], ChildTeam, ChildArea, ChildHome);
        Assert.Equal(ChildAccess.None, ChildAccessRules.LevelFor(nobody, Child));
        Assert.False(ChildAccessRules.CanEdit(nobody, Child));
        Assert.False(ChildAccessRules.CanBringIntoCare(nobody));
    }

    [Theory]
    [InlineData(Roles.SocialWorker, "Social worker")]
    [InlineData(Roles.ContactWorker, "Contact worker")]
    [InlineData(Roles.ContactCoordinator, "Family time coordinator")]
    [InlineData(Roles.TeamManager, "Team manager")]
    [InlineData(Roles.HeadOfService, "Head of service")]
    [InlineData(Roles.Iro, "Independent reviewing officer")]
    [InlineData(Roles.Carer, "Foster carer")]
    [InlineData(Roles.Parent, "Parent or family member")]
    [InlineData(Roles.Administrator, "Administrator")]
    [InlineData("SomethingNew", "SomethingNew")]
    public void Roles_are_described_in_words(string role, string expected) =>
        Assert.Equal(expected, Roles.Describe(role));
}

using FamilyTime.Domain.Access;

namespace FamilyTime.UnitTests;

/// <summary>
/// The operations table row by row, how a user comes to stand to a child (<see cref="ChildAccessRules.RelationshipsFor"/>)
/// and what a request is answered (<see cref="ChildAccessRules.Decide"/>).
/// </summary>
public class ChildAccessRulesTests
{
    /// <summary>
    /// Who may do what, as DOMAIN.md "People and roles" says: Y allowed, . refused. Columns: the allocated social
    /// worker, a team manager of the child's team, a head of service, the child's IRO, a carer the child lives with,
    /// a contact worker who supervises the child's family time, the area's coordinator, family in the portal, and the young person themself.
    /// Changing a rule means changing this grid too.
    /// </summary>
    private const string Grid = """
                          SW  TM  HoS IRO Car Sup Crd Fam Self
        ViewChild          Y   Y   Y   Y   Y   Y   Y   .   .
        ViewHome           Y   Y   Y   Y   Y   Y   Y   .   .
        ViewCase           Y   Y   Y   Y   .   .   .   .   .
        EditChild          Y   Y   .   .   .   .   .   .   .
        EditPlan           Y   Y   .   .   .   .   .   .   .
        AgreePlan          Y   Y   .   .   .   .   .   .   .
        ApproveException   .   .   Y   .   .   .   .   .   .
        ViewSessions       Y   Y   Y   Y   Y   Y   Y   .   .
        ViewAllSessions    Y   Y   Y   Y   Y   .   Y   .   .
        WriteRecord        Y   Y   .   .   .   Y   .   .   .
        ReadRecords        Y   Y   Y   Y   .   Y   .   .   .
        ShareWithFamily    Y   Y   .   .   .   .   .   .   .
        ViewWellbeing      Y   Y   Y   Y   Y   .   .   .   .
        RecordWellbeing    Y   Y   Y   Y   Y   .   .   .   .
        Suspend            Y   Y   .   .   .   .   .   .   .
        ManageChanges      Y   Y   .   .   .   .   .   .   .
        DecideAsIro        .   .   .   Y   .   .   .   .   .
        ReadAudit          .   Y   Y   .   .   .   .   .   .
        ViewConnections    Y   Y   Y   Y   Y   Y   Y   .   .
        ViewOwnFamilyTime  .   .   .   .   .   .   .   Y   .
        GiveFeedback       Y   Y   Y   Y   Y   Y   Y   Y   Y
        OverrideRiskGate   .   Y   .   .   .   .   .   .   .
        SpeakForSelf       .   .   .   .   .   .   .   .   Y
        ViewAsCarer        .   .   .   .   Y   .   .   .   .
        LogIndirectContact Y   Y   Y   Y   Y   .   .   .   .
        ViewIndirectContact Y  Y   Y   Y   Y   .   .   .   .
        ApproveTravel      .   Y   .   .   .   .   .   .   .
        AgreeGoals         Y   Y   .   .   .   .   .   .   .
        BookSessions       Y   Y   .   .   .   .   Y   .   .
        AnswerFeedback     .   Y   .   .   .   .   .   .   .
        ManageRetention    .   Y   Y   .   .   .   .   .   .
        """;

    private static readonly IReadOnlyDictionary<string, ChildRelationship> Columns = new Dictionary<string, ChildRelationship>(StringComparer.Ordinal)
    {
        ["SW"] = ChildRelationship.AllocatedSocialWorker,
        ["TM"] = ChildRelationship.TeamManager,
        ["HoS"] = ChildRelationship.HeadOfService,
        ["IRO"] = ChildRelationship.ChildsIro,
        ["Car"] = ChildRelationship.Carer,
        ["Sup"] = ChildRelationship.Supervisor,
        ["Crd"] = ChildRelationship.AreaCoordinator,
        ["Fam"] = ChildRelationship.Family,
        ["Self"] = ChildRelationship.Self,
    };

    /// <summary>The grid as (operation, relationship, allowed) cells.</summary>
    private static IReadOnlyList<(ChildOperation Operation, ChildRelationship Relationship, bool Allowed)> Cells()
    {
        var lines = Grid.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => Columns[h]).ToList();
        return lines.Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(cells =>
            {
                Assert.True(cells.Length == header.Count + 1, $"The row {cells[0]} has {cells.Length - 1} cells, not {header.Count}.");
                Assert.All(cells.Skip(1), c => Assert.True(c is "Y" or ".", $"{cells[0]}: \"{c}\" is neither Y nor ."));
                return header.Select((relationship, i) => (Enum.Parse<ChildOperation>(cells[0]), relationship, cells[i + 1] == "Y"));
            })
            .ToList();
    }

    public static TheoryData<ChildOperation, ChildRelationship, bool> Table()
    {
        var data = new TheoryData<ChildOperation, ChildRelationship, bool>();
        foreach (var (operation, relationship, allowed) in Cells())
        {
            data.Add(operation, relationship, allowed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void The_operations_table_cell_by_cell(ChildOperation operation, ChildRelationship relationship, bool allowed) =>
        Assert.Equal(allowed, ChildOperations.Allows(operation, relationship));

    [Fact]
    public void The_grid_has_a_row_for_every_operation_and_a_column_for_every_relationship()
    {
        var cells = Cells();
        Assert.Equal(Enum.GetValues<ChildOperation>().Order(), cells.Select(c => c.Operation).Distinct().Order());
        Assert.Equal(Enum.GetValues<ChildOperation>().Length, cells.Select(c => c.Operation).Distinct().Count());
        Assert.Equal(Enum.GetValues<ChildRelationship>().Where(r => r != ChildRelationship.None).Order(), Columns.Values.Order());
        Assert.Equal(Enum.GetValues<ChildOperation>().Length, ChildOperations.Table.Count);
    }

    [Fact]
    public void Each_row_of_the_table_allows_exactly_the_relationships_of_the_grid()
    {
        foreach (var row in Cells().GroupBy(c => c.Operation))
        {
            var expected = row.Where(c => c.Allowed).Aggregate(ChildRelationship.None, (all, c) => all | c.Relationship);
            Assert.True(expected == ChildOperations.RuleFor(row.Key).AllowedTo, $"{row.Key}: the table allows {ChildOperations.RuleFor(row.Key).AllowedTo}, the grid {expected}");
            Assert.False(string.IsNullOrWhiteSpace(ChildOperations.RuleFor(row.Key).Refusal), $"{row.Key} has no refusal");
        }
    }

    [Fact]
    public void No_relationship_may_do_anything() =>
        Assert.All(Enum.GetValues<ChildOperation>(), op => Assert.False(ChildOperations.Allows(op, ChildRelationship.None)));

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
        FamilyPortalUserIds: ["parent-1"],
        YoungPersonUserId: "young-1");

    private static UserScope User(string id, string[] roles, Guid? team = null, Guid? area = null, Guid? household = null) =>
        new(id, roles.ToHashSet(StringComparer.Ordinal), team, area, household);

    private static UserScope User(string id, string role, Guid? team = null, Guid? area = null, Guid? household = null) =>
        User(id, [role], team, area, household);

    /// <summary>For each role: a user whose work includes this child and how they stand to it, and one whose work does not.</summary>
    public static TheoryData<string, UserScope, ChildRelationship, UserScope, ChildRelationship> ByRole() => new()
    {
        { Roles.SocialWorker, User("sw-1", Roles.SocialWorker, ChildTeam), ChildRelationship.AllocatedSocialWorker,
            User("sw-2", Roles.SocialWorker, ChildTeam), ChildRelationship.None },
        { Roles.TeamManager, User("tm-1", Roles.TeamManager, ChildTeam), ChildRelationship.TeamManager,
            User("tm-2", Roles.TeamManager, OtherTeam), ChildRelationship.None },
        // A head of service reaches every child in the service, whatever their team or area.
        { Roles.HeadOfService, User("hos-1", Roles.HeadOfService), ChildRelationship.HeadOfService,
            User("hos-2", Roles.HeadOfService, OtherTeam, OtherArea), ChildRelationship.HeadOfService },
        { Roles.Iro, User("iro-1", Roles.Iro), ChildRelationship.ChildsIro,
            User("iro-2", Roles.Iro, ChildTeam, ChildArea), ChildRelationship.None },
        { Roles.Carer, User("carer-1", Roles.Carer, household: ChildHome), ChildRelationship.Carer,
            User("carer-2", Roles.Carer, household: OtherHome), ChildRelationship.None },
        { Roles.ContactWorker, User("cw-2", Roles.ContactWorker, area: ChildArea), ChildRelationship.Supervisor,
            User("cw-3", Roles.ContactWorker, area: ChildArea), ChildRelationship.None },
        { Roles.ContactCoordinator, User("co-1", Roles.ContactCoordinator, area: ChildArea), ChildRelationship.AreaCoordinator,
            User("co-2", Roles.ContactCoordinator, area: OtherArea), ChildRelationship.None },
        { Roles.Parent, User("parent-1", Roles.Parent), ChildRelationship.Family,
            User("parent-2", Roles.Parent), ChildRelationship.None },
        // A young person reaches their own record only: another child's account, or a parent's id, is not them.
        { Roles.YoungPerson, User("young-1", Roles.YoungPerson), ChildRelationship.Self,
            User("young-2", Roles.YoungPerson), ChildRelationship.None },
        // An administrator looks after the service, never a child's record, even with the child's team, area and home.
        { Roles.Administrator, User("admin-1", Roles.Administrator, ChildTeam, ChildArea, ChildHome), ChildRelationship.None,
            User("admin-2", Roles.Administrator), ChildRelationship.None },
    };

    [Fact]
    public void Every_role_is_in_the_ByRole_table()
    {
        var covered = ByRole().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.True(covered.SetEquals(Roles.All), "A role was added or removed: decide how it stands to a child and add it to ByRole.");
        Assert.Equal(Roles.All.Count, Roles.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ByRole))]
    public void RelationshipsFor_by_role_in_and_out_of_reach(string role, UserScope reaches, ChildRelationship stands, UserScope doesNotReach, ChildRelationship other)
    {
        Assert.True(reaches.Is(role));
        Assert.Equal(stands, ChildAccessRules.RelationshipsFor(reaches, Child));
        Assert.Equal(other, ChildAccessRules.RelationshipsFor(doesNotReach, Child));
    }

    [Fact]
    public void The_allocated_social_worker_s_id_without_the_role_opens_nothing() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("sw-1", Roles.ContactCoordinator, ChildTeam, OtherArea), Child));

    [Fact]
    public void A_social_worker_in_the_child_s_team_but_not_allocated_cannot_reach_the_child() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("sw-2", Roles.SocialWorker, ChildTeam, ChildArea), Child));

    [Fact]
    public void A_team_manager_without_a_team_reaches_no_child() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("tm-0", Roles.TeamManager, team: null), Child));

    [Fact]
    public void A_carer_without_a_household_does_not_reach_a_child_without_a_home() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("carer-0", Roles.Carer), Child with { CurrentCarerHouseholdId = null }));

    [Fact]
    public void A_coordinator_without_an_area_reaches_no_child() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("co-0", Roles.ContactCoordinator), Child));

    [Fact]
    public void A_child_without_an_iro_is_not_reached_by_any_iro() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("iro-1", Roles.Iro), Child with { IroId = null }));

    [Fact]
    public void A_portal_user_id_without_the_parent_role_opens_nothing() =>
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(User("parent-1", Roles.ContactWorker), Child));

    [Fact]
    public void A_user_with_no_roles_reaches_nothing()
    {
        var nobody = User("sw-1", [], ChildTeam, ChildArea, ChildHome);
        Assert.Equal(ChildRelationship.None, ChildAccessRules.RelationshipsFor(nobody, Child));
        Assert.False(ChildAccessRules.CanBringIntoCare(nobody));
    }

    [Theory]
    // Someone with two roles stands to the child in every way that applies, and may do what any of them allows.
    [InlineData("parent-1", new[] { Roles.Parent, Roles.ContactWorker }, ChildRelationship.Family)]
    [InlineData("cw-1", new[] { Roles.Parent, Roles.ContactWorker }, ChildRelationship.Supervisor)]
    [InlineData("iro-1", new[] { Roles.Carer, Roles.Iro }, ChildRelationship.ChildsIro)]
    [InlineData("sw-1", new[] { Roles.Administrator, Roles.SocialWorker }, ChildRelationship.AllocatedSocialWorker)]
    [InlineData("someone", new[] { Roles.Administrator, Roles.Parent }, ChildRelationship.None)]
    [InlineData("tm-2", new[] { Roles.TeamManager, Roles.HeadOfService }, ChildRelationship.HeadOfService)]
    [InlineData("sw-1", new[] { Roles.HeadOfService, Roles.SocialWorker }, ChildRelationship.HeadOfService | ChildRelationship.AllocatedSocialWorker)]
    public void Two_roles_give_every_relationship_that_applies(string id, string[] roles, ChildRelationship expected) =>
        Assert.Equal(expected, ChildAccessRules.RelationshipsFor(User(id, roles, OtherTeam, ChildArea), Child));

    [Fact]
    public void A_carer_of_the_child_who_is_also_in_the_family_portal_is_both()
    {
        var user = User("parent-1", [Roles.Parent, Roles.Carer], household: ChildHome);
        Assert.Equal(ChildRelationship.Carer | ChildRelationship.Family, ChildAccessRules.RelationshipsFor(user, Child));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Out_of_reach_is_not_found_whoever_asks(bool portalUser) =>
        Assert.All(Enum.GetValues<ChildOperation>(), op =>
            Assert.Equal(AccessDecision.NotFound, ChildAccessRules.Decide(op, ChildRelationship.None, portalUser)));

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_follows_the_table_with_the_reason_for_staff_and_not_found_for_the_portal(ChildOperation operation, ChildRelationship relationship, bool allowed)
    {
        var staff = ChildAccessRules.Decide(operation, relationship, portalUser: false);
        var portal = ChildAccessRules.Decide(operation, relationship, portalUser: true);
        if (allowed)
        {
            Assert.Equal(AccessDecision.Allowed, staff);
            Assert.Equal(AccessDecision.Allowed, portal);
            return;
        }
        // In reach but not allowed: staff are told why; a parent or carer is answered as if there were nothing there.
        Assert.Equal(new AccessDecision(AccessAnswer.Forbidden, ChildOperations.RuleFor(operation).Refusal), staff);
        Assert.Equal(AccessDecision.NotFound, portal);
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
    [InlineData(Roles.YoungPerson, false)]
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

    [Theory]
    [InlineData(Roles.SocialWorker, "Social worker")]
    [InlineData(Roles.ContactWorker, "Contact worker")]
    [InlineData(Roles.ContactCoordinator, "Family time coordinator")]
    [InlineData(Roles.TeamManager, "Team manager")]
    [InlineData(Roles.HeadOfService, "Head of service")]
    [InlineData(Roles.Iro, "Independent reviewing officer")]
    [InlineData(Roles.Carer, "Foster carer")]
    [InlineData(Roles.Parent, "Parent or family member")]
    [InlineData(Roles.YoungPerson, "Young person")]
    [InlineData(Roles.Administrator, "Administrator")]
    [InlineData("SomethingNew", "SomethingNew")]
    public void Roles_are_described_in_words(string role, string expected) =>
        Assert.Equal(expected, Roles.Describe(role));
}

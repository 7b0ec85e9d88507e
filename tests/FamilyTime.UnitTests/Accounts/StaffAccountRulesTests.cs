using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;

namespace FamilyTime.UnitTests.Accounts;

public sealed class StaffAccountRulesTests
{
    private static readonly Guid Team = Guid.NewGuid();
    private static readonly Guid Area = Guid.NewGuid();

    private static StaffAccountDetails Good(params string[] roles) =>
        new("sam.social", "Sam Social", "sam@council.gov.uk", roles.Length == 0 ? [Roles.SocialWorker] : roles, Team, Area);

    [Fact]
    public void A_complete_account_is_valid() => Assert.True(StaffAccountRules.Validate(Good(), isNew: true).IsValid);

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    public void A_social_worker_or_team_manager_needs_a_team(string role)
    {
        var errors = StaffAccountRules.Validate(Good(role) with { TeamId = null }, isNew: true);
        Assert.Contains("sees the children allocated to their team", Assert.Single(errors.ByField[StaffAccountRules.TeamField]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinator_needs_an_area_and_others_need_neither()
    {
        Assert.True(StaffAccountRules.Validate(Good(Roles.ContactCoordinator) with { AreaId = null }, isNew: true).ByField.ContainsKey(StaffAccountRules.AreaField));
        Assert.True(StaffAccountRules.Validate(Good(Roles.Iro, Roles.Administrator) with { TeamId = null, AreaId = null }, isNew: true).IsValid);
    }

    [Theory]
    [InlineData(Roles.Parent, "is not a staff role")]
    [InlineData(Roles.Carer, "is not a staff role")]
    [InlineData("Superuser", "There is no role called Superuser")]
    public void Only_staff_roles_are_given(string role, string message) =>
        Assert.Contains(message, Assert.Single(StaffAccountRules.Validate(Good(role), isNew: true).ByField[StaffAccountRules.RolesField]), StringComparison.Ordinal);

    [Theory]
    [InlineData("sam social")]
    [InlineData("sam/social")]
    [InlineData("")]
    public void A_user_name_has_no_spaces_or_odd_signs(string userName) =>
        Assert.True(StaffAccountRules.Validate(Good() with { UserName = userName }, isNew: true).ByField.ContainsKey(StaffAccountRules.UserNameField));

    [Fact]
    public void A_new_account_needs_an_e_mail_address_for_its_set_up_link_and_a_wrong_one_is_refused_always()
    {
        Assert.True(StaffAccountRules.Validate(Good() with { Email = null }, isNew: true).ByField.ContainsKey(StaffAccountRules.EmailField));
        Assert.True(StaffAccountRules.Validate(Good() with { Email = null }, isNew: false).IsValid);
        Assert.True(StaffAccountRules.Validate(Good() with { Email = "not an address" }, isNew: false).ByField.ContainsKey(StaffAccountRules.EmailField));
    }

    [Fact]
    public void No_role_at_all_is_refused() =>
        Assert.Equal("Choose at least one role", Assert.Single(StaffAccountRules.Validate(Good() with { Roles = [] }, isNew: true).ByField[StaffAccountRules.RolesField]));

    [Fact]
    public void Staff_roles_are_every_role_but_the_portals() =>
        Assert.Equal(Roles.All.Except(Roles.Portal), Roles.Staff);
}

using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests;

public class LegalStatusDetailsTests
{
    private static ValidationErrors Validate(LegalStatusDetails legal, DateOnly? dateOfBirth = null)
    {
        var errors = new ValidationErrors();
        legal.Validate(errors, Valid.Today, dateOfBirth ?? Valid.DateOfBirth);
        return errors;
    }

    private static string OnlyError(ValidationErrors errors, string field)
    {
        var (key, messages) = Assert.Single(errors.ByField);
        Assert.Equal(field, key);
        return Assert.Single(messages);
    }

    [Fact]
    public void Valid_legal_status_has_no_errors() => Assert.True(Validate(Valid.Legal()).IsValid);

    [Fact]
    public void A_status_is_required() =>
        Assert.Equal("Select the child's legal status", OnlyError(Validate(Valid.Legal() with { Status = null }), "LegalStatus"));

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void An_undefined_status_is_refused(int value) =>
        Assert.Equal("Select the child's legal status", OnlyError(Validate(Valid.Legal((LegalStatus)value)), "LegalStatus"));

    [Fact]
    public void An_interim_care_order_outside_proceedings_is_refused_under_the_proceedings_field()
    {
        var message = OnlyError(Validate(Valid.Legal(LegalStatus.InterimCareOrder, inProceedings: false)), "InCareProceedings");
        Assert.Equal(LegalStatusRules.CheckProceedings(LegalStatus.InterimCareOrder, false), message);
    }

    [Fact]
    public void An_interim_care_order_in_proceedings_is_valid() =>
        Assert.True(Validate(Valid.Legal(LegalStatus.InterimCareOrder, inProceedings: true)).IsValid);

    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder)]
    [InlineData(LegalStatus.ChildArrangementsOrder)]
    [InlineData(LegalStatus.LeftCare)]
    public void A_status_outside_the_authority_in_proceedings_is_refused(LegalStatus status) =>
        OnlyError(Validate(Valid.Legal(status, inProceedings: true)), "InCareProceedings");

    [Fact]
    public void A_start_date_is_required() =>
        Assert.Equal("Enter the date the legal status started", OnlyError(Validate(Valid.Legal() with { StartDate = null }), "LegalStatusStartDate"));

    [Fact]
    public void A_start_date_in_the_future_is_refused() =>
        Assert.Contains("today or in the past", OnlyError(Validate(Valid.Legal(start: Valid.Today.AddDays(1))), "LegalStatusStartDate"), StringComparison.Ordinal);

    [Fact]
    public void A_start_date_of_today_is_accepted() =>
        Assert.True(Validate(Valid.Legal(start: Valid.Today)).IsValid);

    [Fact]
    public void A_start_date_before_the_date_of_birth_is_refused() =>
        Assert.Contains("on or after the child's date of birth",
            OnlyError(Validate(Valid.Legal(start: Valid.DateOfBirth.AddDays(-1))), "LegalStatusStartDate"), StringComparison.Ordinal);

    [Fact]
    public void A_start_date_on_the_date_of_birth_is_accepted() =>
        Assert.True(Validate(Valid.Legal(start: Valid.DateOfBirth)).IsValid);

    [Fact]
    public void Without_a_date_of_birth_the_start_date_is_only_checked_against_today()
    {
        var errors = new ValidationErrors();
        Valid.Legal(start: new DateOnly(1990, 1, 1)).Validate(errors, Valid.Today, dateOfBirth: null);
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void Status_and_date_problems_are_reported_together()
    {
        var errors = Validate(new LegalStatusDetails(null, null, false));
        Assert.True(errors.ByField.ContainsKey("LegalStatus"));
        Assert.True(errors.ByField.ContainsKey("LegalStatusStartDate"));
    }
}

public class PlacementDetailsTests
{
    private static ValidationErrors Validate(PlacementDetails placement, DateOnly? dateOfBirth = null)
    {
        var errors = new ValidationErrors();
        placement.Validate(errors, Valid.Today, dateOfBirth ?? Valid.DateOfBirth);
        return errors;
    }

    private static string OnlyError(ValidationErrors errors, string field)
    {
        var (key, messages) = Assert.Single(errors.ByField);
        Assert.Equal(field, key);
        return Assert.Single(messages);
    }

    [Fact]
    public void A_carer_household_placement_is_valid() => Assert.True(Validate(Valid.Placement()).IsValid);

    [Fact]
    public void A_residential_home_placement_is_valid() => Assert.True(Validate(Valid.ResidentialHome()).IsValid);

    [Fact]
    public void A_kind_is_required() =>
        Assert.Equal("Select where the child is living", OnlyError(Validate(Valid.Placement() with { Kind = null }), "PlacementKind"));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(99)]
    public void An_undefined_kind_is_refused(int value) =>
        OnlyError(Validate(Valid.Placement() with { Kind = (PlacementKind)value }), "PlacementKind");

    [Fact]
    public void A_carer_household_placement_needs_the_household() =>
        Assert.Equal("Select the carer household the child lives with",
            OnlyError(Validate(Valid.Placement() with { CarerHouseholdId = null }), "CarerHouseholdId"));

    [Fact]
    public void A_carer_household_placement_does_not_need_a_home_name() =>
        Assert.True(Validate(Valid.Placement() with { ResidentialHomeName = null }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_residential_home_placement_needs_the_home_name(string? name) =>
        Assert.Equal("Enter the name of the residential home",
            OnlyError(Validate(Valid.ResidentialHome(name)), "ResidentialHomeName"));

    [Fact]
    public void A_residential_home_does_not_need_a_household() =>
        Assert.True(Validate(Valid.ResidentialHome() with { CarerHouseholdId = null }).IsValid);

    [Fact]
    public void The_residential_home_name_has_a_maximum_length()
    {
        Assert.True(Validate(Valid.ResidentialHome(Valid.Text(150))).IsValid);
        Assert.Equal("Residential home name must be 150 characters or fewer",
            OnlyError(Validate(Valid.ResidentialHome(Valid.Text(151))), "ResidentialHomeName"));
    }

    [Fact]
    public void A_start_date_is_required() =>
        Assert.Equal("Enter the date the child started living there",
            OnlyError(Validate(Valid.Placement() with { StartDate = null }), "PlacementStartDate"));

    [Fact]
    public void A_start_date_in_the_future_is_refused() =>
        Assert.Contains("today or in the past",
            OnlyError(Validate(Valid.Placement() with { StartDate = Valid.Today.AddDays(1) }), "PlacementStartDate"), StringComparison.Ordinal);

    [Fact]
    public void A_start_date_of_today_is_accepted() =>
        Assert.True(Validate(Valid.Placement() with { StartDate = Valid.Today }).IsValid);

    [Fact]
    public void A_start_date_before_the_date_of_birth_is_refused() =>
        Assert.Contains("on or after their date of birth",
            OnlyError(Validate(Valid.Placement() with { StartDate = Valid.DateOfBirth.AddDays(-1) }), "PlacementStartDate"), StringComparison.Ordinal);

    [Fact]
    public void A_start_date_on_the_date_of_birth_is_accepted() =>
        Assert.True(Validate(Valid.Placement() with { StartDate = Valid.DateOfBirth }).IsValid);

    [Fact]
    public void Kind_and_date_problems_are_reported_together()
    {
        var errors = Validate(new PlacementDetails(null, null, null, null, false));
        Assert.Equal(["PlacementKind", "PlacementStartDate"], errors.ByField.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}

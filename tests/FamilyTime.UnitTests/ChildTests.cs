using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests;

public class ChildComeIntoCareTests
{
    [Fact]
    public void Sets_every_field_from_the_input()
    {
        var child = Valid.Child(legal: Valid.Legal(LegalStatus.InterimCareOrder, new DateOnly(2026, 3, 5), inProceedings: true));

        Assert.NotEqual(Guid.Empty, child.Id);
        Assert.Equal("Amara", child.FirstName);
        Assert.Equal("Okafor", child.LastName);
        Assert.Equal("Mara", child.PreferredName);
        Assert.Equal(Valid.DateOfBirth, child.DateOfBirth);
        Assert.Equal("Female", child.Gender);
        Assert.Equal("Black British - African", child.Ethnicity);
        Assert.Equal("English", child.FirstLanguage);
        Assert.Equal("seeing Mum", child.FamilyTimeName);
        Assert.Equal(LegalStatus.InterimCareOrder, child.LegalStatus);
        Assert.Equal(new DateOnly(2026, 3, 5), child.LegalStatusSince);
        Assert.True(child.InCareProceedings);
        Assert.Equal(new DateOnly(2026, 3, 5), child.CameIntoCareOn);
        Assert.Equal(Valid.SocialWorker, child.SocialWorkerId);
        Assert.Equal(Valid.Team, child.TeamId);
        Assert.Equal(Valid.Iro, child.IroId);
        Assert.Empty(child.People);
    }

    [Fact]
    public void Each_child_gets_its_own_id() => Assert.NotEqual(Valid.Child().Id, Valid.Child().Id);

    [Fact]
    public void The_iro_is_optional() =>
        Assert.Null(Child.ComeIntoCare(Valid.Details(), Valid.Legal(), Valid.Placement(), "sw", Valid.Team, null, Valid.Today).IroId);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Family_time_is_called_family_time_unless_the_child_chose_a_name(string? name)
    {
        var child = Valid.Child(Valid.Details() with { FamilyTimeName = name });
        Assert.Equal("family time", child.FamilyTimeName);
        Assert.Equal(ChildDetails.DefaultFamilyTimeName, child.FamilyTimeName);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_optional_text_is_stored_as_null()
    {
        var child = Valid.Child(new ChildDetails("  Amara ", " Okafor  ", "   ", Valid.DateOfBirth, " Female ", "  ", " ", "  time with Dad "));

        Assert.Equal("Amara", child.FirstName);
        Assert.Equal("Okafor", child.LastName);
        Assert.Null(child.PreferredName);
        Assert.Equal("Female", child.Gender);
        Assert.Null(child.Ethnicity);
        Assert.Null(child.FirstLanguage);
        Assert.Equal("time with Dad", child.FamilyTimeName);
    }

    [Fact]
    public void KnownAs_is_the_preferred_name_or_else_the_first_name_and_FullName_uses_the_legal_names()
    {
        Assert.Equal("Mara", Valid.Child().KnownAs);
        Assert.Equal("Amara", Valid.Child(Valid.Details() with { PreferredName = null }).KnownAs);
        Assert.Equal("Amara Okafor", Valid.Child().FullName);
    }

    [Fact]
    public void Starts_a_legal_status_history_of_one()
    {
        var child = Valid.Child();

        var period = Assert.Single(child.LegalStatusHistory);
        Assert.Equal(child.Id, period.ChildId);
        Assert.Equal(LegalStatus.CareOrder, period.Status);
        Assert.Equal(Valid.LegalStart, period.StartDate);
        Assert.NotEqual(Guid.Empty, period.Id);
    }

    [Fact]
    public void Starts_with_one_current_home_with_the_carer_household()
    {
        var child = Valid.Child();

        var home = Assert.Single(child.Placements);
        Assert.True(home.IsCurrent);
        Assert.Null(home.EndDate);
        Assert.Equal(child.Id, home.ChildId);
        Assert.Equal(PlacementKind.CarerHousehold, home.Kind);
        Assert.Equal(Valid.Household, home.CarerHouseholdId);
        Assert.Null(home.ResidentialHomeName);
        Assert.Equal(Valid.PlacementStart, home.StartDate);
        Assert.True(home.IsLongTerm);
    }

    [Fact]
    public void A_residential_home_keeps_only_the_trimmed_home_name_and_no_household()
    {
        var child = Valid.Child(placement: Valid.ResidentialHome("  Oak House ") with { CarerHouseholdId = Valid.Household });

        var home = Assert.Single(child.Placements);
        Assert.Equal(PlacementKind.ResidentialHome, home.Kind);
        Assert.Equal("Oak House", home.ResidentialHomeName);
        Assert.Null(home.CarerHouseholdId);
        Assert.False(home.IsLongTerm);
    }

    [Fact]
    public void A_carer_household_home_ignores_a_stray_home_name()
    {
        var home = Assert.Single(Valid.Child(placement: Valid.Placement() with { ResidentialHomeName = "Oak House" }).Placements);
        Assert.Null(home.ResidentialHomeName);
    }

    [Fact]
    public void Invalid_details_throw_a_rule_exception_naming_the_field()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Valid.Child(Valid.Details() with { FirstName = " " }));
        Assert.Equal("FirstName", ex.Field);
        Assert.Equal("Enter the child's first name", ex.Message);
    }

    [Fact]
    public void An_invalid_legal_status_throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Valid.Child(legal: Valid.Legal(LegalStatus.InterimCareOrder, inProceedings: false)));
        Assert.Equal("InCareProceedings", ex.Field);
    }

    [Fact]
    public void An_invalid_home_throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Valid.Child(placement: Valid.Placement() with { CarerHouseholdId = null }));
        Assert.Equal("CarerHouseholdId", ex.Field);
    }

    [Fact]
    public void A_legal_status_starting_before_the_child_was_born_throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Valid.Child(legal: Valid.Legal(start: Valid.DateOfBirth.AddDays(-1))));
        Assert.Equal("LegalStatusStartDate", ex.Field);
    }

    [Fact]
    public void Check_collects_the_problems_of_all_three_parts_at_once()
    {
        var errors = Child.Check(
            Valid.Details() with { FirstName = null },
            Valid.Legal() with { Status = null },
            Valid.Placement() with { Kind = null },
            Valid.Today);

        Assert.Equal(["FirstName", "LegalStatus", "PlacementKind"], errors.ByField.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Check_measures_the_legal_status_and_the_home_against_the_child_s_date_of_birth()
    {
        var dob = new DateOnly(2026, 6, 1);
        var errors = Child.Check(
            Valid.Details() with { DateOfBirth = dob },
            Valid.Legal(start: dob.AddDays(-1)),
            Valid.Placement() with { StartDate = dob.AddDays(-1) },
            Valid.Today);

        Assert.Equal(["LegalStatusStartDate", "PlacementStartDate"], errors.ByField.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Check_of_valid_input_is_valid() =>
        Assert.True(Child.Check(Valid.Details(), Valid.Legal(), Valid.Placement(), Valid.Today).IsValid);
}

public class ChildUpdateDetailsTests
{
    [Fact]
    public void Valid_changes_apply()
    {
        var child = Valid.Child();
        var dob = new DateOnly(2018, 5, 10);

        var errors = child.UpdateDetails(
            new ChildDetails(" Amy ", "Okafor-Smith", null, dob, "Girl", "Mixed", "Igbo", " Mum time "), Valid.Today);

        Assert.True(errors.IsValid);
        Assert.Equal("Amy", child.FirstName);
        Assert.Equal("Okafor-Smith", child.LastName);
        Assert.Null(child.PreferredName);
        Assert.Equal(dob, child.DateOfBirth);
        Assert.Equal("Girl", child.Gender);
        Assert.Equal("Mixed", child.Ethnicity);
        Assert.Equal("Igbo", child.FirstLanguage);
        Assert.Equal("Mum time", child.FamilyTimeName);
    }

    [Fact]
    public void Clearing_the_family_time_name_goes_back_to_the_default()
    {
        var child = Valid.Child();
        Assert.True(child.UpdateDetails(Valid.Details() with { FamilyTimeName = " " }, Valid.Today).IsValid);
        Assert.Equal(ChildDetails.DefaultFamilyTimeName, child.FamilyTimeName);
    }

    [Fact]
    public void Invalid_changes_are_returned_and_leave_the_child_unchanged()
    {
        var child = Valid.Child();

        var errors = child.UpdateDetails(
            Valid.Details() with { FirstName = "Changed", LastName = null, DateOfBirth = Valid.Today.AddDays(1) }, Valid.Today);

        Assert.False(errors.IsValid);
        Assert.True(errors.ByField.ContainsKey("LastName"));
        Assert.True(errors.ByField.ContainsKey("DateOfBirth"));
        Assert.Equal("Amara", child.FirstName);
        Assert.Equal("Okafor", child.LastName);
        Assert.Equal(Valid.DateOfBirth, child.DateOfBirth);
    }

    [Fact]
    public void Updating_details_leaves_the_legal_status_and_home_alone()
    {
        var child = Valid.Child();
        child.UpdateDetails(Valid.Details() with { FirstName = "Amy" }, Valid.Today);

        Assert.Equal(LegalStatus.CareOrder, child.LegalStatus);
        Assert.Single(child.LegalStatusHistory);
        Assert.Single(child.Placements);
    }

    [Fact]
    public void A_date_of_birth_after_the_child_came_into_care_is_refused()
    {
        var child = Valid.Child(); // came into care 2 March 2026
        var errors = child.UpdateDetails(Valid.Details() with { DateOfBirth = new DateOnly(2026, 6, 1) }, Valid.Today);

        Assert.False(errors.IsValid);
        Assert.True(errors.ByField.ContainsKey("DateOfBirth"));
        Assert.Equal(Valid.DateOfBirth, child.DateOfBirth);
    }
}

public class ChildChangeLegalStatusTests
{
    [Fact]
    public void A_new_status_becomes_current_and_the_old_one_stays_in_the_history()
    {
        var child = Valid.Child(legal: Valid.Legal(LegalStatus.InterimCareOrder, new DateOnly(2026, 3, 2), inProceedings: true));

        var errors = child.ChangeLegalStatus(Valid.Legal(LegalStatus.CareOrder, new DateOnly(2026, 9, 14), inProceedings: false), Valid.Today);

        Assert.True(errors.IsValid);
        Assert.Equal(LegalStatus.CareOrder, child.LegalStatus);
        Assert.Equal(new DateOnly(2026, 9, 14), child.LegalStatusSince);
        Assert.False(child.InCareProceedings);
        Assert.Equal(
            [(LegalStatus.InterimCareOrder, new DateOnly(2026, 3, 2)), (LegalStatus.CareOrder, new DateOnly(2026, 9, 14))],
            child.LegalStatusHistory.Select(p => (p.Status, p.StartDate)).ToArray());
        Assert.All(child.LegalStatusHistory, p => Assert.Equal(child.Id, p.ChildId));
        Assert.Equal(new DateOnly(2026, 3, 2), child.CameIntoCareOn);
    }

    [Fact]
    public void A_new_status_may_start_the_same_day_as_the_current_one()
    {
        var child = Valid.Child();
        Assert.True(child.ChangeLegalStatus(Valid.Legal(LegalStatus.PlacementOrder, Valid.LegalStart), Valid.Today).IsValid);
        Assert.Equal(LegalStatus.PlacementOrder, child.LegalStatus);
        Assert.Equal(2, child.LegalStatusHistory.Count);
    }

    [Fact]
    public void A_start_date_before_the_current_status_started_is_refused_and_nothing_changes()
    {
        var child = Valid.Child();

        var errors = child.ChangeLegalStatus(Valid.Legal(LegalStatus.PlacementOrder, Valid.LegalStart.AddDays(-1)), Valid.Today);

        var (field, messages) = Assert.Single(errors.ByField);
        Assert.Equal("LegalStatusStartDate", field);
        Assert.Equal("The new legal status must start on or after 2 March 2026, when the current one started", Assert.Single(messages));
        Assert.Equal(LegalStatus.CareOrder, child.LegalStatus);
        Assert.Equal(Valid.LegalStart, child.LegalStatusSince);
        Assert.Single(child.LegalStatusHistory);
    }

    [Fact]
    public void An_interim_care_order_without_proceedings_is_refused_and_nothing_changes()
    {
        var child = Valid.Child(legal: Valid.Legal(LegalStatus.Section20));

        var errors = child.ChangeLegalStatus(Valid.Legal(LegalStatus.InterimCareOrder, new DateOnly(2026, 10, 1), inProceedings: false), Valid.Today);

        Assert.True(errors.ByField.ContainsKey("InCareProceedings"));
        Assert.Equal(LegalStatus.Section20, child.LegalStatus);
        Assert.False(child.InCareProceedings);
        Assert.Single(child.LegalStatusHistory);
    }

    [Fact]
    public void A_future_start_date_is_refused()
    {
        var child = Valid.Child();
        var errors = child.ChangeLegalStatus(Valid.Legal(LegalStatus.LeftCare, Valid.Today.AddDays(1)), Valid.Today);
        Assert.True(errors.ByField.ContainsKey("LegalStatusStartDate"));
        Assert.Equal(LegalStatus.CareOrder, child.LegalStatus);
    }

    [Fact]
    public void A_missing_status_is_refused()
    {
        var child = Valid.Child();
        var errors = child.ChangeLegalStatus(new LegalStatusDetails(null, Valid.Today, false), Valid.Today);
        Assert.True(errors.ByField.ContainsKey("LegalStatus"));
        Assert.Single(child.LegalStatusHistory);
    }

    [Fact]
    public void The_same_status_and_date_only_updates_the_proceedings_flag()
    {
        var child = Valid.Child(legal: Valid.Legal(LegalStatus.CareOrder, Valid.LegalStart, inProceedings: false));

        var errors = child.ChangeLegalStatus(Valid.Legal(LegalStatus.CareOrder, Valid.LegalStart, inProceedings: true), Valid.Today);

        Assert.True(errors.IsValid);
        Assert.True(child.InCareProceedings);
        Assert.Single(child.LegalStatusHistory);
        Assert.Equal(LegalStatus.CareOrder, child.LegalStatus);
        Assert.Equal(Valid.LegalStart, child.LegalStatusSince);
    }

    [Fact]
    public void The_same_status_from_a_later_date_starts_a_new_period()
    {
        var child = Valid.Child();
        Assert.True(child.ChangeLegalStatus(Valid.Legal(LegalStatus.CareOrder, new DateOnly(2026, 6, 1)), Valid.Today).IsValid);
        Assert.Equal(2, child.LegalStatusHistory.Count);
        Assert.Equal(new DateOnly(2026, 6, 1), child.LegalStatusSince);
    }

    [Fact]
    public void Leaving_care_is_recorded_as_a_new_status()
    {
        var child = Valid.Child();
        Assert.True(child.ChangeLegalStatus(Valid.Legal(LegalStatus.LeftCare, Valid.Today), Valid.Today).IsValid);
        Assert.Equal(LegalStatus.LeftCare, child.LegalStatus);
        Assert.False(LegalStatusRules.IsInCare(child.LegalStatus));
    }
}

public class ChildAgeTests
{
    private static Child BornOn(DateOnly dob) =>
        Valid.Child(Valid.Details() with { DateOfBirth = dob },
            Valid.Legal(start: Valid.Today),
            Valid.Placement() with { StartDate = Valid.Today });

    [Theory]
    [InlineData(2026, 11, 23, 0)]  // born today
    [InlineData(2025, 11, 23, 1)]  // first birthday today
    [InlineData(2025, 11, 24, 0)]  // first birthday tomorrow
    [InlineData(2018, 11, 23, 8)]
    [InlineData(2018, 11, 24, 7)]
    [InlineData(2018, 11, 22, 8)]
    [InlineData(2008, 12, 31, 17)]
    [InlineData(2009, 1, 1, 17)]
    public void AgeOn_counts_whole_years(int year, int month, int day, int expected) =>
        Assert.Equal(expected, BornOn(new DateOnly(year, month, day)).AgeOn(Valid.Today));

    [Fact]
    public void AgeOn_turns_over_exactly_on_the_birthday()
    {
        var child = BornOn(new DateOnly(2016, 3, 15));
        Assert.Equal(9, child.AgeOn(new DateOnly(2026, 3, 14)));
        Assert.Equal(10, child.AgeOn(new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void AgeOn_for_a_leap_day_birthday_in_a_leap_year()
    {
        var child = BornOn(new DateOnly(2016, 2, 29));
        Assert.Equal(11, child.AgeOn(new DateOnly(2028, 2, 28)));
        Assert.Equal(12, child.AgeOn(new DateOnly(2028, 2, 29)));
    }
}

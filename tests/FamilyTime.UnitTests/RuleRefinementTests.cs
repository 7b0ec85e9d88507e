using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests;

/// <summary>Rules tightened after review: starting statuses, leap-day birthdays, contact details, trimmed lengths.</summary>
public class RuleRefinementTests
{
    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder)]
    [InlineData(LegalStatus.ChildArrangementsOrder)]
    [InlineData(LegalStatus.LeftCare)]
    public void A_child_cannot_come_into_care_on_a_status_that_is_not_care(LegalStatus status)
    {
        var errors = Child.Check(Valid.Details(), Valid.Legal(status), Valid.Placement(), Valid.Today);
        Assert.Contains("comes into care under", Assert.Single(errors.ByField["LegalStatus"]));
        Assert.Throws<DomainRuleException>(() => Valid.Child(legal: Valid.Legal(status)));
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, true)]
    [InlineData(LegalStatus.CareOrder, false)]
    [InlineData(LegalStatus.Section20, false)]
    [InlineData(LegalStatus.PlacementOrder, false)]
    public void A_child_comes_into_care_on_each_care_status(LegalStatus status, bool inProceedings)
    {
        Assert.Equal(status, Valid.Child(legal: Valid.Legal(status, inProceedings: inProceedings)).LegalStatus);
    }

    [Fact]
    public void A_leap_day_birthday_falls_on_1_March_in_other_years()
    {
        var child = Valid.Child(details: Valid.Details() with { DateOfBirth = new DateOnly(2016, 2, 29) },
            legal: Valid.Legal(start: new DateOnly(2026, 3, 2)),
            placement: Valid.Placement() with { StartDate = new DateOnly(2026, 3, 2) });
        Assert.Equal(9, child.AgeOn(new DateOnly(2026, 2, 28)));
        Assert.Equal(10, child.AgeOn(new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData("()")]
    [InlineData("-")]
    [InlineData("+44 1")]
    public void A_phone_number_needs_enough_digits(string phone)
    {
        var errors = new ValidationErrors();
        (Valid.Person() with { Phone = phone }).Validate(errors);
        Assert.True(errors.ByField.ContainsKey("Phone"));
    }

    [Fact]
    public void An_email_address_has_no_spaces()
    {
        var errors = new ValidationErrors();
        (Valid.Person() with { Email = "john smith@example.org" }).Validate(errors);
        Assert.True(errors.ByField.ContainsKey("Email"));
    }

    [Fact]
    public void Length_limits_count_the_text_without_surrounding_spaces()
    {
        var errors = new ValidationErrors();
        errors.MaxLength("FirstName", "  " + new string('a', 100) + "  ", 100, "First name");
        Assert.True(errors.IsValid);
        errors.MaxLength("FirstName", new string('a', 101), 100, "First name");
        Assert.False(errors.IsValid);
    }
}

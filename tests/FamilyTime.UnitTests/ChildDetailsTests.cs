using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests;

public class ChildDetailsTests
{
    private static ValidationErrors Validate(ChildDetails details, DateOnly? today = null)
    {
        var errors = new ValidationErrors();
        details.Validate(errors, today ?? Valid.Today);
        return errors;
    }

    /// <summary>Asserts the only problem is on <paramref name="field"/>, with a message containing <paramref name="words"/>.</summary>
    private static void AssertOnlyError(ValidationErrors errors, string field, string words)
    {
        var (key, messages) = Assert.Single(errors.ByField);
        Assert.Equal(field, key);
        var message = Assert.Single(messages);
        Assert.Contains(words, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_details_have_no_errors() => Assert.True(Validate(Valid.Details()).IsValid);

    [Fact]
    public void Only_names_gender_and_date_of_birth_are_required()
    {
        var details = new ChildDetails("A", "B", null, Valid.DateOfBirth, "Male", null, null, null);
        Assert.True(Validate(details).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void First_name_is_required(string? value) =>
        AssertOnlyError(Validate(Valid.Details() with { FirstName = value }), "FirstName", "Enter the child's first name");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Last_name_is_required(string? value) =>
        AssertOnlyError(Validate(Valid.Details() with { LastName = value }), "LastName", "Enter the child's last name");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Gender_is_required(string? value) =>
        AssertOnlyError(Validate(Valid.Details() with { Gender = value }), "Gender", "Enter the child's gender");

    [Fact]
    public void Date_of_birth_is_required() =>
        AssertOnlyError(Validate(Valid.Details() with { DateOfBirth = null }), "DateOfBirth", "Enter the child's date of birth");

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused() =>
        AssertOnlyError(Validate(Valid.Details() with { DateOfBirth = Valid.Today.AddDays(1) }), "DateOfBirth", "today or in the past");

    [Fact]
    public void A_baby_born_today_is_accepted() =>
        Assert.True(Validate(Valid.Details() with { DateOfBirth = Valid.Today }).IsValid);

    [Fact]
    public void A_young_person_who_is_exactly_25_today_is_accepted() =>
        Assert.True(Validate(Valid.Details() with { DateOfBirth = new DateOnly(2001, 11, 23) }).IsValid);

    [Fact]
    public void A_date_of_birth_more_than_25_years_ago_is_refused() =>
        AssertOnlyError(Validate(Valid.Details() with { DateOfBirth = new DateOnly(2001, 11, 22) }), "DateOfBirth", "within the last 25 years");

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var errors = Validate(new ChildDetails(null, null, null, null, null, null, null, null));
        Assert.Equal(
            ["DateOfBirth", "FirstName", "Gender", "LastName"],
            errors.ByField.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    public static TheoryData<string, int> MaxLengths() => new()
    {
        { "FirstName", 100 },
        { "LastName", 100 },
        { "PreferredName", 100 },
        { "Gender", 50 },
        { "Ethnicity", 100 },
        { "FirstLanguage", 60 },
        { "FamilyTimeName", 60 },
    };

    [Theory]
    [MemberData(nameof(MaxLengths))]
    public void Each_text_field_has_a_maximum_length(string field, int max)
    {
        Assert.True(Validate(With(field, Valid.Text(max))).IsValid);

        var errors = Validate(With(field, Valid.Text(max + 1)));
        AssertOnlyError(errors, field, $"must be {max} characters or fewer");
    }

    private static ChildDetails With(string field, string value) => field switch
    {
        "FirstName" => Valid.Details() with { FirstName = value },
        "LastName" => Valid.Details() with { LastName = value },
        "PreferredName" => Valid.Details() with { PreferredName = value },
        "Gender" => Valid.Details() with { Gender = value },
        "Ethnicity" => Valid.Details() with { Ethnicity = value },
        "FirstLanguage" => Valid.Details() with { FirstLanguage = value },
        "FamilyTimeName" => Valid.Details() with { FamilyTimeName = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests;

public class ValidationErrorsTests
{
    [Fact]
    public void A_new_instance_is_valid_and_empty()
    {
        var errors = new ValidationErrors();
        Assert.True(errors.IsValid);
        Assert.Empty(errors.ByField);
    }

    [Fact]
    public void Add_keeps_every_message_per_field_in_order_and_chains()
    {
        var errors = new ValidationErrors();

        var returned = errors.Add("Name", "first").Add("Name", "second").Add("Email", "bad");

        Assert.Same(errors, returned);
        Assert.False(errors.IsValid);
        Assert.Equal(["first", "second"], errors.ByField["Name"]);
        Assert.Equal(["bad"], errors.ByField["Email"]);
        Assert.Equal(2, errors.ByField.Count);
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        var errors = new ValidationErrors().Add("name", "a").Add("Name", "b");
        Assert.Equal(2, errors.ByField.Count);
    }

    [Fact]
    public void ByField_is_a_snapshot_that_callers_cannot_use_to_change_the_errors()
    {
        var errors = new ValidationErrors().Add("Name", "first");

        var snapshot = errors.ByField;
        snapshot["Name"][0] = "tampered";
        errors.Add("Other", "later");

        Assert.Equal("first", errors.ByField["Name"][0]);
        Assert.False(snapshot.ContainsKey("Other"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Required_refuses_missing_or_blank(string? value)
    {
        var errors = new ValidationErrors();
        errors.Required("Name", value, "Enter a name");
        Assert.Equal(["Enter a name"], errors.ByField["Name"]);
    }

    [Fact]
    public void Required_accepts_a_value()
    {
        var errors = new ValidationErrors();
        errors.Required("Name", " a ", "Enter a name");
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("abcde", true)]
    [InlineData("abcdef", false)]
    public void MaxLength_allows_up_to_the_limit(string? value, bool valid)
    {
        var errors = new ValidationErrors();
        errors.MaxLength("Name", value, 5, "Name");
        Assert.Equal(valid, errors.IsValid);
        if (!valid)
        {
            Assert.Equal(["Name must be 5 characters or fewer"], errors.ByField["Name"]);
        }
    }
}

using FamilyTime.Domain.Common;
using FamilyTime.Domain.People;

namespace FamilyTime.UnitTests;

public class PersonDetailsTests
{
    private static ValidationErrors Validate(PersonDetails person)
    {
        var errors = new ValidationErrors();
        person.Validate(errors);
        return errors;
    }

    private static string OnlyError(ValidationErrors errors, string field)
    {
        var (key, messages) = Assert.Single(errors.ByField);
        Assert.Equal(field, key);
        return Assert.Single(messages);
    }

    [Fact]
    public void A_valid_person_has_no_errors() => Assert.True(Validate(Valid.Person()).IsValid);

    [Fact]
    public void Only_name_and_relationship_are_required() =>
        Assert.True(Validate(new PersonDetails("Sam", Relationship.Brother, false, false, null, null, null, null, false)).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_name_is_required(string? name) =>
        Assert.Equal("Enter the person's full name", OnlyError(Validate(Valid.Person() with { FullName = name }), "FullName"));

    [Fact]
    public void The_relationship_is_required() =>
        Assert.Equal("Select how the person is related to the child",
            OnlyError(Validate(Valid.Person() with { Relationship = null }), "Relationship"));

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(99)]
    public void An_undefined_relationship_is_refused(int value) =>
        OnlyError(Validate(Valid.Person() with { Relationship = (Relationship)value }), "Relationship");

    [Theory]
    [InlineData("grace@example.com")]
    [InlineData("  grace.okafor+family@example.co.uk  ")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_email_is_optional_but_needs_an_at_sign_with_text_on_both_sides(string? email) =>
        Assert.True(Validate(Valid.Person() with { Email = email }).IsValid);

    [Theory]
    [InlineData("grace.example.com")]
    [InlineData("@example.com")]
    [InlineData("grace@")]
    [InlineData(" @ ")]
    [InlineData("@")]
    public void A_malformed_email_is_refused(string email) =>
        Assert.Contains("like name@example.com", OnlyError(Validate(Valid.Person() with { Email = email }), "Email"), StringComparison.Ordinal);

    [Theory]
    [InlineData("01632 960 001")]
    [InlineData("07700900982")]
    [InlineData("+44 (0)7700-900982")]
    [InlineData("  07700 900982 ")]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_phone_number_is_optional_and_may_hold_digits_spaces_plus_brackets_and_dashes(string? phone) =>
        Assert.True(Validate(Valid.Person() with { Phone = phone }).IsValid);

    [Theory]
    [InlineData("07700 9OO982")] // letter O, not zero
    [InlineData("ring me")]
    [InlineData("07700.900982")]
    [InlineData("07700/900982")]
    [InlineData("0770090098#")]
    public void A_phone_number_with_other_characters_is_refused(string phone) =>
        Assert.Contains("Enter a phone number", OnlyError(Validate(Valid.Person() with { Phone = phone }), "Phone"), StringComparison.Ordinal);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_interpreter_needs_a_language(string? language) =>
        Assert.Equal("Enter the language the interpreter is needed for",
            OnlyError(Validate(Valid.Person() with { NeedsInterpreter = true, SpokenLanguage = language }), "SpokenLanguage"));

    [Fact]
    public void Without_an_interpreter_the_language_is_optional() =>
        Assert.True(Validate(Valid.Person() with { NeedsInterpreter = false, SpokenLanguage = null }).IsValid);

    public static TheoryData<string, int> MaxLengths() => new()
    {
        { "FullName", 150 },
        { "Address", 300 },
        { "Phone", 40 },
        { "Email", 200 },
        { "SpokenLanguage", 60 },
    };

    [Theory]
    [MemberData(nameof(MaxLengths))]
    public void Each_text_field_has_a_maximum_length(string field, int max)
    {
        Assert.True(Validate(With(field, max)).IsValid);
        Assert.Contains($"must be {max} characters or fewer", OnlyError(Validate(With(field, max + 1)), field), StringComparison.Ordinal);
    }

    /// <summary>A value of the given length that is otherwise valid for the field.</summary>
    private static PersonDetails With(string field, int length) => field switch
    {
        "FullName" => Valid.Person() with { FullName = Valid.Text(length) },
        "Address" => Valid.Person() with { Address = Valid.Text(length) },
        "Phone" => Valid.Person() with { Phone = new string('7', length) },
        "Email" => Valid.Person() with { Email = Valid.Text(length - "@example.com".Length) + "@example.com" },
        "SpokenLanguage" => Valid.Person() with { SpokenLanguage = Valid.Text(length) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

public class SignificantPersonTests
{
    [Fact]
    public void AddPerson_stores_the_cleaned_details_against_the_child()
    {
        var child = Valid.Child();

        var person = child.AddPerson(Valid.Person() with { FullName = "  Grace Okafor ", Address = "  ", Phone = " 07700 900982 " });

        Assert.Same(person, Assert.Single(child.People));
        Assert.NotEqual(Guid.Empty, person.Id);
        Assert.Equal(child.Id, person.ChildId);
        Assert.Equal("Grace Okafor", person.FullName);
        Assert.Equal(Relationship.Mother, person.Relationship);
        Assert.True(person.HasParentalResponsibility);
        Assert.False(person.ChildPlacedWithThem);
        Assert.Null(person.Address);
        Assert.Equal("07700 900982", person.Phone);
        Assert.Equal("grace@example.com", person.Email);
        Assert.Equal("Yoruba", person.SpokenLanguage);
        Assert.True(person.NeedsInterpreter);
        Assert.Null(person.SiblingChildId);
        Assert.Null(person.PortalUserId);
    }

    [Fact]
    public void AddPerson_with_invalid_details_throws_and_adds_nobody()
    {
        var child = Valid.Child();

        var ex = Assert.Throws<DomainRuleException>(() => child.AddPerson(Valid.Person() with { Relationship = null }));

        Assert.Equal("Relationship", ex.Field);
        Assert.Empty(child.People);
    }

    [Fact]
    public void Update_applies_valid_details()
    {
        var person = Valid.Child().AddPerson(Valid.Person());

        var errors = person.Update(new PersonDetails(" Grace Adeyemi ", Relationship.FormerCarer, false, true, "2 Low Road", null, " ", null, false));

        Assert.True(errors.IsValid);
        Assert.Equal("Grace Adeyemi", person.FullName);
        Assert.Equal(Relationship.FormerCarer, person.Relationship);
        Assert.False(person.HasParentalResponsibility);
        Assert.True(person.ChildPlacedWithThem);
        Assert.Equal("2 Low Road", person.Address);
        Assert.Null(person.Phone);
        Assert.Null(person.Email);
        Assert.Null(person.SpokenLanguage);
        Assert.False(person.NeedsInterpreter);
    }

    [Fact]
    public void Update_with_invalid_details_returns_the_errors_and_changes_nothing()
    {
        var person = Valid.Child().AddPerson(Valid.Person());

        var errors = person.Update(Valid.Person() with { FullName = "Someone Else", Email = "not-an-email" });

        Assert.Equal(["Email"], errors.ByField.Keys.ToArray());
        Assert.Equal("Grace Okafor", person.FullName);
        Assert.Equal("grace@example.com", person.Email);
    }

    [Fact]
    public void Links_to_a_sibling_record_and_a_portal_account()
    {
        var person = Valid.Child().AddPerson(Valid.Person() with { Relationship = Relationship.HalfSibling });
        var sibling = Guid.NewGuid();

        person.LinkSibling(sibling);
        person.LinkPortalAccount("parent-42");

        Assert.Equal(sibling, person.SiblingChildId);
        Assert.Equal("parent-42", person.PortalUserId);
    }
}

public class RelationshipRulesTests
{
    [Theory]
    [InlineData(Relationship.Mother, true, false)]
    [InlineData(Relationship.Father, true, false)]
    [InlineData(Relationship.Brother, false, true)]
    [InlineData(Relationship.Sister, false, true)]
    [InlineData(Relationship.HalfSibling, false, true)]
    [InlineData(Relationship.Grandparent, false, false)]
    [InlineData(Relationship.AuntOrUncle, false, false)]
    [InlineData(Relationship.FamilyFriend, false, false)]
    [InlineData(Relationship.FormerCarer, false, false)]
    [InlineData(Relationship.PossibleFutureCarer, false, false)]
    [InlineData(Relationship.Other, false, false)]
    public void Parents_and_brothers_and_sisters(Relationship r, bool parent, bool brotherOrSister)
    {
        Assert.Equal(parent, RelationshipRules.IsParent(r));
        Assert.Equal(brotherOrSister, RelationshipRules.IsBrotherOrSister(r));
    }

    [Theory]
    [InlineData(Relationship.Mother, "Mother")]
    [InlineData(Relationship.Father, "Father")]
    [InlineData(Relationship.Brother, "Brother")]
    [InlineData(Relationship.Sister, "Sister")]
    [InlineData(Relationship.HalfSibling, "Half-brother or half-sister")]
    [InlineData(Relationship.Grandparent, "Grandparent")]
    [InlineData(Relationship.AuntOrUncle, "Aunt or uncle")]
    [InlineData(Relationship.FamilyFriend, "Family friend")]
    [InlineData(Relationship.FormerCarer, "Former carer")]
    [InlineData(Relationship.PossibleFutureCarer, "Possible future carer")]
    [InlineData(Relationship.Other, "Other")]
    public void Describe_each_relationship(Relationship r, string expected) =>
        Assert.Equal(expected, RelationshipRules.Describe(r));

    [Fact]
    public void Every_relationship_is_covered_and_described_differently()
    {
        var all = Enum.GetValues<Relationship>();
        Assert.Equal(11, all.Length);
        Assert.Equal(all.Length, all.Select(RelationshipRules.Describe).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Describe_throws_for_an_undefined_relationship() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RelationshipRules.Describe((Relationship)99));
}

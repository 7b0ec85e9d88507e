using FamilyTime.Domain.Privacy;

namespace FamilyTime.UnitTests.Privacy;

/// <summary>The family guard against the issue's probes (issue 10, item 16), with facts shaped as the database holds them.</summary>
public sealed class HomeGuardTests
{
    private static readonly HomeFacts Facts = new(
        CarerNames: ["Alexandria and Kevin Morar", "Will Morar"],
        HomeAddresses: ["686 Von Cliff"],
        Towns: ["Lake Chasity"],
        Postcodes: ["NB1 4QT"],
        HomeNames: [],
        Schools: ["Northbridge Primary School"],
        SchoolAddresses: ["Elm Road, Lake Chasity"],
        OtherChildren: ["Dovie Smith", "Dovie"],
        AllowedNames: ["Tessie Grant", "Kelly Grant"]);

    private static readonly HomeGuard Guard = HomeGuard.For(Facts);

    [Theory]
    [InlineData("Alexandria Morar will bring Tessie", "the carers' names")]
    [InlineData("Kevin will bring Tessie", "the carers' names")]
    [InlineData("the Morars", null)]
    [InlineData("the drive from Von Cliff", "the home's street")]
    [InlineData("she lives at number 686", "the home's house number")]
    [InlineData("it is 686 steps away", "the home's house number")]
    [InlineData("Dovie, who lives with them too", "another child living in the home")]
    [InlineData("Northbridge Primary on Elm Road", "the child's school")]
    [InlineData("the school on Elm Road", "the school's street")]
    [InlineData("they live in Lake Chasity", "the home's town")]
    [InlineData("postcode nb14qt", "the home's postcode")]
    public void The_family_guard_finds_where_the_child_lives_in_free_text(string text, string? what)
    {
        var found = Guard.Find(text);
        if (what is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Contains(found, l => l.What == what);
        }
    }

    [Theory]
    [InlineData("Tessie will bring her drawing and Kelly Grant will come")]
    [InlineData("Mum said she will bring a cake")]
    [InlineData("Family time lasts 2 hours, every 2 weeks, at 10:30")]
    [InlineData("Riverside Family Centre, 14 Mill Lane")]
    public void The_family_guard_leaves_what_the_family_may_read(string text) =>
        Assert.Empty(Guard.Find(text));

    [Fact]
    public void The_family_guard_sets_aside_the_services_own_places_in_the_same_town() =>
        Assert.Empty(Guard.Find("Lake Chasity Family Centre, 3 Mill Lane, Lake Chasity", ["Lake Chasity Family Centre, 3 Mill Lane, Lake Chasity"]));

    [Fact]
    public void The_family_guard_removes_every_probe_of_the_issue_and_marks_each_for_the_worker()
    {
        const string text = "Alexandria Morar will bring Tessie. It was the drive from Von Cliff again. She lives at number 686. " +
                            "Dovie, who lives with them too, came. Northbridge Primary on Elm Road was mentioned.";
        var redacted = Guard.Redact(text)!;
        foreach (var secret in new[] { "Alexandria", "Morar", "Von Cliff", "686", "Dovie", "Northbridge Primary", "Elm Road" })
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Tessie", redacted, StringComparison.Ordinal);
        var pieces = Guard.Highlight(text);
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.Equal(redacted, string.Concat(pieces.Select(p => p.What is null ? p.Text : HomeGuard.Removed)));
        Assert.Equal(6, pieces.Count(p => p.What is not null));
    }

    [Fact]
    public void A_guard_with_no_facts_finds_nothing() =>
        Assert.Empty(HomeGuard.For(HomeFacts.None).Find("Alexandria Morar at 686 Von Cliff"));
}

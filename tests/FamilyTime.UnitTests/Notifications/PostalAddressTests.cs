using FamilyTime.Domain.Notifications;

namespace FamilyTime.UnitTests.Notifications;

public sealed class PostalAddressTests
{
    [Fact]
    public void An_address_becomes_one_line_a_part_after_the_name_split_at_commas_and_line_breaks()
    {
        Assert.Equal(["Alex Parent", "Flat 2", "14 Hawthorn Road", "Southby", "SB2 3CD"], PostalAddress.Lines(" Alex Parent ", "Flat 2, 14 Hawthorn Road\nSouthby,, SB2 3CD "));
        Assert.Empty(PostalAddress.Lines("Alex Parent", null));
        Assert.Empty(PostalAddress.Lines("Alex Parent", "  "));
    }

    [Fact]
    public void More_than_seven_lines_are_joined_before_the_postcode_and_nothing_is_dropped()
    {
        var lines = PostalAddress.Lines("Alex Parent", "Room 4, Block B, The Lodge, 1 High Street, Upper Town, Southby, Northshire, SB2 3CD");
        Assert.Equal(PostalAddress.MaxLines, lines.Count);
        Assert.Equal(["Alex Parent", "Room 4", "Block B", "The Lodge", "1 High Street", "Upper Town, Southby, Northshire", "SB2 3CD"], lines);
        Assert.Null(PostalAddress.Problem(lines));
    }

    [Theory]
    [InlineData("14 Hawthorn Road, Southby, SB2 3CD", null)]
    [InlineData("14 Hawthorn Road, Southby, sb23cd", null)]
    [InlineData("1 Downing Street, London, SW1A 2AA", null)]
    [InlineData("14 Hawthorn Road, Southby", "'Southby', is not a UK postcode")]
    [InlineData("SB2 3CD", "at least 2")]
    [InlineData("No address on the record: hand it to them", "1 line after the name")]
    [InlineData(null, "no postal address")]
    public void The_post_needs_a_name_two_lines_and_a_postcode_last(string? address, string? problem)
    {
        var found = PostalAddress.Problem(PostalAddress.Lines("Alex Parent", address));
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}

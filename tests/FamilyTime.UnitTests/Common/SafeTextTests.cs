using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests.Common;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("Ann\u0000", '\u0000')]
    [InlineData("Ann\u202Eevil", '\u202E')]
    [InlineData("\u202Aembedded", '\u202A')]
    [InlineData("isolate\u2069", '\u2069')]
    [InlineData("escape\u001B[31m", '\u001B')]
    [InlineData("pasted\u000Bline", '\u000B')]
    [InlineData("c1\u0085", '\u0085')]
    public void Control_characters_and_direction_overrides_are_found(string text, char first)
    {
        Assert.Equal(first, SafeText.FirstUnsafe(text));
        Assert.Null(SafeText.FirstUnsafe(SafeText.WithoutUnsafe(text)));
    }

    [Theory]
    [InlineData("Joanne O'Connor-Smith")]
    [InlineData("Line one\nLine two\r\n\tindented")]
    [InlineData("حسن علي")]
    [InlineData("שרה")]
    [InlineData("Zoë Łukasz 李")]
    [InlineData(null)]
    public void Ordinary_writing_in_any_script_with_tabs_and_line_breaks_is_kept(string? text)
    {
        Assert.Null(SafeText.FirstUnsafe(text));
        Assert.Same(text, SafeText.WithoutUnsafe(text));
    }

    [Fact]
    public void Dates_run_from_1900_to_2200()
    {
        Assert.True(SafeText.IsSaneDate(new DateOnly(1900, 1, 1)));
        Assert.True(SafeText.IsSaneDate(new DateOnly(2200, 12, 31)));
        Assert.False(SafeText.IsSaneDate(new DateOnly(1899, 12, 31)));
        Assert.False(SafeText.IsSaneDate(new DateOnly(9999, 12, 31)));
        Assert.Equal("U+202E", SafeText.Describe('\u202E'));
    }
}

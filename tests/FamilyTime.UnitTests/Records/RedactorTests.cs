using System.Text;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Records;

namespace FamilyTime.UnitTests.Records;

/// <summary>
/// What a parent is shown has other people's names, phone numbers, email addresses and postcodes taken out: names as
/// whole words in any case, wherever they stand; and on any text, however long or strange, without giving up.
/// </summary>
public class RedactorTests
{
    private const string X = Redactor.Removed;

    [Theory]
    [InlineData("Sarah came with Tom", $"{X} came with {X}")]
    [InlineData("Tom", X)]
    [InlineData("Sarah\nTom\n", $"{X}\n{X}\n")]
    public void Names_at_the_start_and_end_of_the_text_are_removed(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text, ["Sarah", "Tom"]));

    [Theory]
    [InlineData("(Sarah), Tom! 'Sarah'.", $"({X}), {X}! '{X}'.")]
    [InlineData("Sarah's coat; Tom's bag?", $"{X}'s coat; {X}'s bag?")]
    [InlineData("\"Tom\"—and Sarah…", $"\"{X}\"—and {X}…")]
    [InlineData("Sarah-Tom/Sarah:Tom", $"{X}-{X}/{X}:{X}")]
    [InlineData("Tom2 and _Sarah_", $"{X}2 and _{X}_")]
    public void Names_next_to_punctuation_digits_and_underscores_are_removed(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text, ["Sarah", "Tom"]));

    [Theory]
    [InlineData("Samantha said tomorrow at the Atom café.")]
    [InlineData("Sams and Samé and éSam and TomTom")]
    public void Names_inside_longer_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text, ["Sam", "Tom"]));

    [Fact]
    public void A_name_goes_but_a_longer_word_holding_it_stays_in_the_same_text() =>
        Assert.Equal($"Samantha and {X} and {X}-antha", Redactor.Redact("Samantha and Sam and Sam-antha", ["Sam"]));

    [Fact]
    public void Names_are_found_in_any_case() =>
        Assert.Equal($"{X}, {X}, {X} and {X}", Redactor.Redact("SARAH, sarah, SaRaH and Sarah", ["sarah"]));

    [Fact]
    public void A_full_name_goes_as_a_whole_before_its_parts()
    {
        var names = Redactor.NameAndParts("Sarah Jones").Concat(["Tom"]);
        Assert.Equal($"{X} met {X}; {X} left and {X} stayed.", Redactor.Redact("Sarah Jones met Tom; Sarah left and Jones stayed.", names));
    }

    [Fact]
    public void Names_shorter_than_three_letters_and_blank_names_are_left_alone() =>
        Assert.Equal("Al and Jo went.", Redactor.Redact("Al and Jo went.", ["Al", " Jo ", "", "  "]));

    [Fact]
    public void Phone_numbers_email_addresses_and_postcodes_are_removed()
    {
        const string text = "Ring 07700 900123 or +44 7700-900-123, write to sarah.jones+ft@example.org.uk, or visit SW1A 1AA or m1 1ae.";
        Assert.Equal($"Ring {X} or {X}, write to {X}, or visit {X} or {X}.", Redactor.Redact(text, []));
    }

    [Fact]
    public void Nothing_to_redact_comes_back_as_it_was()
    {
        Assert.Null(Redactor.Redact(null, ["Sarah"]));
        Assert.Equal("", Redactor.Redact("", ["Sarah"]));
        Assert.Equal("Mia played with the dolls.", Redactor.Redact("Mia played with the dolls.", ["Sarah"]));
    }

    /// <summary>
    /// 100 KB texts built to make a backtracking pattern go back over them again and again. Each must finish (no
    /// timing is asserted: a busy machine may be slow, but it must never fail) with what a short text would give.
    /// </summary>
    [Fact]
    public void Long_adversarial_texts_are_redacted_completely_and_correctly()
    {
        const int Size = 100_000;
        string[] names = ["Sarah Jones", "Sarah", "Jones", "Sam"];
        var cases = new (string Text, string Expected)[]
        {
            // Word characters with no @: every one could start an email address.
            (new string('a', Size) + " Sam", new string('a', Size) + $" {X}"),
            // An @ everywhere, but no domain with a dot until the end.
            (Repeat("a@", Size / 2) + " mail sam@example.org", Repeat("a@", Size / 2) + $" mail {X}"),
            // Postcode beginnings with nothing to finish them.
            (Repeat("A1 ", Size / 3) + "SW1A 1AA", Repeat("A1 ", Size / 3) + X),
            // A long run of spaces after a postcode's first half, then a phone number.
            ("A1" + new string(' ', Size) + "x 07700 900123", "A1" + new string(' ', Size) + $"x {X}"),
            // Digits that almost make a phone number, over and over.
            (Repeat("0 1 2 3 -", Size / 9) + ".", Repeat("0 1 2 3 -", Size / 9) + "."),
            // Half a name over and over, and the whole name only inside a longer word.
            (Repeat("Sa", Size / 2) + "m Sarah", Repeat("Sa", Size / 2) + $"m {X}"),
            // The name over and over with no gap: each one inside a longer word.
            (Repeat("sam", Size / 3), Repeat("sam", Size / 3)),
            // The name over and over with a gap: every one goes.
            (Repeat("Sam ", Size / 4), Repeat($"{X} ", Size / 4)),
        };
        foreach (var (text, expected) in cases)
        {
            Assert.True(expected == Redactor.Redact(text, names), $"wrong redaction of the text starting \"{text[..20]}\"");
        }
    }

    /// <summary>
    /// The patterns moved to the non-backtracking engine (no timeout needed) and must find exactly what they found on
    /// the backtracking engine: thousands of random texts made of the pieces that matter, against the old code.
    /// </summary>
    [Fact]
    public void Redaction_is_what_the_backtracking_patterns_gave_on_random_texts()
    {
        var random = new Random(20261130);
        string[] pieces =
        [
            "a.b+c@d-e.f.g", "x@y.", "@", ".", "-", "+44 ", "+447", "0", "07700 900123", "0 1 2 3 4 5 6 7 8 9 0 1",
            "SW1A 1AA", "m1 1ae", "A1", "1AB", " ", "\n", "Sam", "sam", "SAM", "Sarah Jones", "Sarah", "Jones", "é", "x", "_", "'", "k", "K",
        ];
        string[] names = ["Sarah Jones", "Sarah", "Jones", "Sam"];
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            var s = text.ToString();
            Assert.True(Backtracking(s, names) == Redactor.Redact(s, names), $"\"{s}\" is redacted differently");
        }
    }

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    /// <summary>Redactor.Redact as it was with backtracking patterns, without their timeouts (the texts are short).</summary>
    private static string Backtracking(string text, IEnumerable<string> names)
    {
        var result = Regex.Replace(text, @"[\w.+-]+@[\w-]+(\.[\w-]+)+", X, RegexOptions.CultureInvariant);
        result = Regex.Replace(result, @"(\+44\s?|0)\d[\d\s-]{8,12}\d", X, RegexOptions.CultureInvariant);
        result = Regex.Replace(result, @"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", X, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            result = Regex.Replace(result, $@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])", X, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        return result;
    }
}

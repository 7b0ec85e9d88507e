using FamilyTime.Domain.Language;

namespace FamilyTime.UnitTests.Language;

/// <summary>The word list the service ships (src/FamilyTime.Web/Data/word-list.json), read the way the service reads it.</summary>
public class LanguageCheckTests
{
    private static readonly Lazy<LanguageCheck> Shipped = new(() => LanguageCheck.Parse(File.ReadAllText(ShippedFile())));

    private static LanguageCheck Check => Shipped.Value;

    private static string ShippedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FamilyTime.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "FamilyTime.Web", "Data", "word-list.json");
            }
        }
        throw new InvalidOperationException("FamilyTime.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Mum_failed_to_engage_is_flagged_with_kinder_words()
    {
        const string text = "mum failed to engage";
        var advice = Assert.Single(Check.Check(text, null));
        Assert.Equal("failed to engage", advice.Found);
        Assert.Equal(text.IndexOf("failed", StringComparison.Ordinal), advice.Start);
        Assert.Equal("failed to engage".Length, advice.Length);
        Assert.Contains("hasn't been able to attend yet", advice.Alternatives);
        Assert.False(string.IsNullOrWhiteSpace(advice.Why));
    }

    [Fact]
    public void The_shipped_list_has_the_words_the_service_asked_for()
    {
        var phrases = Check.Rules.Select(r => r.Phrase).ToHashSet(StringComparer.Ordinal);
        foreach (var asked in new[] { "failed to engage", "failed to attend", "refused", "manipulative", "LAC", "placement", "contact" })
        {
            Assert.Contains(asked, phrases);
        }
    }

    [Fact]
    public void Every_rule_has_a_reason_an_alternative_and_finds_its_own_words()
    {
        Assert.True(Check.Count >= 10, $"only {Check.Count} rules were read");
        foreach (var rule in Check.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Why), $"{rule.Phrase} has no reason");
            Assert.NotEmpty(rule.Alternatives);
            Assert.All(rule.Alternatives, a => Assert.False(string.IsNullOrWhiteSpace(a), $"{rule.Phrase} has a blank alternative"));
            foreach (var form in rule.AllForms)
            {
                var text = $"Notes: {form}, as written.";
                var advice = Check.Check(text, "seeing Mum");
                var hit = advice.SingleOrDefault(a => a.Start == "Notes: ".Length);
                Assert.True(hit is not null, $"\"{form}\" (rule \"{rule.Phrase}\") was not found in \"{text}\"");
                Assert.Equal(form, hit.Found);
                Assert.Equal(rule.Why, hit.Why);
            }
        }
    }

    [Theory]
    [InlineData("She refused to come into the room.", "refused")]
    [InlineData("He refuses to talk about it.", "refuses")]
    [InlineData("Refusing the snack, Jay sat by the door.", "Refusing")]
    [InlineData("Dad fails to attend most weeks.", "fails to attend")]
    [InlineData("The placement is going well.", "placement")]
    [InlineData("Mia is a LAC.", "LAC")]
    [InlineData("Mia's LAC review is on Friday.", "LAC review")]
    [InlineData("Ollie was attention-seeking at lunch.", "attention-seeking")]
    [InlineData("Mum didn’t engage with the plan.", "didn’t engage")]
    [InlineData("Describe his challenging   behaviour.", "challenging   behaviour")]
    public void Word_forms_are_found(string text, string found)
    {
        var advice = Assert.Single(Check.Check(text, null));
        Assert.Equal(found, advice.Found);
        Assert.Equal(found, text.Substring(advice.Start, advice.Length));
    }

    [Fact]
    public void The_longer_phrase_wins_where_two_overlap()
    {
        var advice = Assert.Single(Check.Check("We talked about the contact centre.", "seeing Dad"));
        Assert.Equal("contact centre", advice.Found);
        Assert.Equal(["family centre"], advice.Alternatives);
    }

    [Fact]
    public void Kind_ordinary_text_raises_nothing()
    {
        const string text =
            "Mia arrived at the family centre in her black coat with the lace collar. She and Mum read a story and "
            + "built a Lego garage; the replacement wheel Mum brought made her laugh. Mum contacted the school about the "
            + "trip and will bring a snack next week. Mia said no to the second story because she was tired, and we agreed "
            + "a shorter session. The placement order hearing is in March. Her brothers and sisters sent a card. "
            + "Lacey, her friend, waved from the car. Contact details for the centre are on the letter.";
        Assert.Empty(Check.Check(text, null));
        Assert.Empty(Check.Check(text, "family time"));
    }

    [Fact]
    public void Acronyms_match_only_in_capitals()
    {
        Assert.Empty(Check.Check("We walked round the lac at the park (a French lesson).", null));
        Assert.Equal(["CLA", "LAC"], Check.Check("CLA and LAC are both acronyms.", null).Select(a => a.Found));
    }

    [Fact]
    public void Contact_is_flagged_only_when_the_child_has_their_own_word()
    {
        const string text = "The next contact is on Saturday.";
        Assert.Empty(Check.Check(text, null));
        Assert.Empty(Check.Check(text, ""));
        Assert.Empty(Check.Check(text, "family time"));
        Assert.Empty(Check.Check(text, "contact with Mum"));

        var advice = Assert.Single(Check.Check(text, "seeing Mum"));
        Assert.Equal("contact", advice.Found);
        Assert.Equal("“seeing Mum” (the child's own words)", advice.Alternatives[0]);
        Assert.Contains("family time", advice.Alternatives);

        // Contacting someone and contact details are not family time.
        Assert.Empty(Check.Check("Mum contacted the school; her contact number has changed.", "seeing Mum"));
    }

    [Fact]
    public void Matches_come_back_in_reading_order()
    {
        var advice = Check.Check("LAC siblings refused.", null);
        Assert.Equal(["LAC", "siblings", "refused"], advice.Select(a => a.Found));
    }

    [Fact]
    public void Nothing_to_check_gives_no_advice()
    {
        Assert.Empty(Check.Check(null, "seeing Mum"));
        Assert.Empty(Check.Check("   ", null));
    }

    [Theory]
    [InlineData("""[{ "phrase": "refused", "why": "", "alternatives": ["said no"] }]""")]
    [InlineData("""[{ "phrase": "refused", "why": "Sounds like defiance." }]""")]
    [InlineData("""[{ "phrase": "refused", "why": "Sounds like defiance.", "alternatives": [] }]""")]
    [InlineData("""[{ "phrase": "", "why": "Sounds like defiance.", "alternatives": ["said no"] }]""")]
    [InlineData("""[{ "phrase": " - ", "why": "Sounds like defiance.", "alternatives": ["said no"] }]""")]
    [InlineData("""[{ "phrase": "refused", "why": "Sounds like defiance.", "alternatives": ["said no"], "forms": ["–"] }]""")]
    public void An_edited_list_without_reasons_or_alternatives_is_refused(string json) =>
        Assert.Throws<FormatException>(() => LanguageCheck.Parse(json));

    /// <summary>
    /// 100 KB of spaces and hyphens, which the patterns' runs between words match, before the words. The check must
    /// finish (no timing is asserted: a busy machine may be slow, but it must never fail) and find the words.
    /// </summary>
    [Fact]
    public void A_long_text_full_of_spaces_and_hyphens_is_checked_completely()
    {
        var filler = new System.Text.StringBuilder().Insert(0, "- \u2013 ", 25_000).ToString();
        var text = filler + "Mum failed  -  to engage." + filler + "LAC";
        var advice = Check.Check(text, null);
        Assert.Equal(["failed  -  to engage", "LAC"], advice.Select(a => a.Found));
        Assert.Equal(filler.Length + "Mum ".Length, advice[0].Start);
        Assert.Equal(text.Length - 3, advice[1].Start);
    }

    /// <summary>
    /// Spaces and hyphens at the ends of a listed phrase are dropped, so the phrase is its words: a pattern starting
    /// with a run of them would be tried again from every place in a long run of spaces.
    /// </summary>
    [Fact]
    public void A_phrase_with_hyphens_at_its_ends_is_found_as_its_words_even_after_a_long_run_of_spaces()
    {
        var check = new LanguageCheck([new WordRule("- challenging -", "Says little about what happened.", ["upset"])]);
        var text = new string(' ', 100_000) + "x challenging, not xchallenging";
        var advice = Assert.Single(check.Check(text, null));
        Assert.Equal("challenging", advice.Found);
        Assert.Equal(100_002, advice.Start);
    }
}

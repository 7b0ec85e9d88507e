using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Children;

namespace FamilyTime.Domain.Language;

/// <summary>A word or phrase that blames or labels, where it was found, and kinder, more precise words to use.</summary>
public sealed record WordAdvice(string Found, int Start, int Length, string Why, IReadOnlyList<string> Alternatives);

/// <summary>
/// One entry of the service's word list. <paramref name="Forms"/> are other forms of the same words ("refuses",
/// "refusing"); <paramref name="Unless"/> are longer phrases in which the words are right ("placement order" is a
/// court order, not the child's home); <paramref name="MatchCase"/> is for acronyms, so "LAC" is not found in "lac".
/// </summary>
public sealed record WordRule(
    string Phrase,
    string Why,
    IReadOnlyList<string> Alternatives,
    bool OnlyWhenChildHasOwnWord = false,
    IReadOnlyList<string>? Forms = null,
    IReadOnlyList<string>? Unless = null,
    bool MatchCase = false)
{
    /// <summary>The phrase and its other forms, each as written in the list.</summary>
    public IEnumerable<string> AllForms => new[] { Phrase }.Concat(Forms ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());
}

/// <summary>
/// Reads what a worker wrote and points out words that blame or label ("failed to engage", "LAC") with kinder,
/// more precise alternatives (DOMAIN.md "Words"). It advises and never blocks. The list is a data file the
/// service can edit.
/// </summary>
public sealed class LanguageCheck
{
    // Between the words of a phrase: spaces, hyphens and dashes, any number.
    private const string Separators = @"[\s\-‐–]+";

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // One pattern per form, longest first, so "failed to engage" is found before anything shorter inside it.
    private readonly List<(WordRule Rule, Regex Pattern, Regex[] Unless)> _forms;

    public LanguageCheck(IEnumerable<WordRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.Where(r => !string.IsNullOrWhiteSpace(r.Phrase)).ToList();
        _forms = Rules
            .SelectMany(r => r.AllForms.Select(form => (Rule: r, Form: form)))
            .OrderByDescending(x => x.Form.Length)
            .Select(x => (x.Rule, Pattern(x.Form, x.Rule.MatchCase), (x.Rule.Unless ?? []).Select(u => Pattern(u, false)).ToArray()))
            .ToList();
    }

    /// <summary>The rules as read from the list, for the service to see what it checks for.</summary>
    public IReadOnlyList<WordRule> Rules { get; }

    public int Count => Rules.Count;

    /// <summary>
    /// Every match in <paramref name="text"/>, in reading order; where two rules match the same words, the longer
    /// phrase wins. "Contact" is flagged only when the child has chosen their own name for family time.
    /// </summary>
    public IReadOnlyList<WordAdvice> Check(string? text, string? childsWordForFamilyTime)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var ownWord = ChildHasOwnWord(childsWordForFamilyTime) ? childsWordForFamilyTime!.Trim() : null;
        var found = new List<WordAdvice>();
        foreach (var (rule, pattern, unless) in _forms)
        {
            if (rule.OnlyWhenChildHasOwnWord && ownWord is null)
            {
                continue;
            }
            var allowed = unless.SelectMany(u => u.Matches(text)).Select(m => (m.Index, m.Length)).ToList();
            foreach (Match m in pattern.Matches(text))
            {
                var inAllowedPhrase = allowed.Any(a => a.Index <= m.Index && m.Index + m.Length <= a.Index + a.Length);
                if (inAllowedPhrase || found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length))
                {
                    continue;
                }
                found.Add(new WordAdvice(m.Value, m.Index, m.Length, rule.Why, AlternativesFor(rule, ownWord)));
            }
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>
    /// Whether the child has chosen a name for family time of their own. The default name was not their choice,
    /// and "contact" is the statutory word a record may use until they choose another.
    /// </summary>
    public static bool ChildHasOwnWord(string? childsWord) =>
        !string.IsNullOrWhiteSpace(childsWord)
        && !childsWord.Contains("contact", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(childsWord.Trim(), ChildDetails.DefaultFamilyTimeName, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> AlternativesFor(WordRule rule, string? ownWord) =>
        rule.OnlyWhenChildHasOwnWord && ownWord is not null
            ? [$"“{ownWord}” (the child's own words)", .. rule.Alternatives.Where(a => !a.Equals(ownWord, StringComparison.OrdinalIgnoreCase))]
            : rule.Alternatives;

    /// <summary>
    /// The phrase as whole words: not inside a longer word ("black", "replacement", "contacted"); a space or hyphen
    /// matches either ("attention-seeking"); a straight apostrophe matches a curly one ("didn’t").
    /// </summary>
    /// <remarks>
    /// No match timeout: a wall-clock limit trips on a busy machine whatever the text, and the check would fail.
    /// The pattern is linear in the text instead: words written out character for character, one-character
    /// lookarounds, and between words a run of spaces or hyphens that the next word cannot start with, so the engine
    /// never has a choice to go back to. That holds only if the pattern starts with a word, so spaces and hyphens at
    /// the ends of a phrase are dropped (a pattern starting with a run would be tried again from every place in a
    /// long run of spaces, which is quadratic); a phrase with no words is refused.
    /// </remarks>
    private static Regex Pattern(string phrase, bool matchCase)
    {
        var parts = Regex.Split(phrase.Trim(), Separators, RegexOptions.None, Regex.InfiniteMatchTimeout)
            .Where(p => p.Length > 0)
            .Select(p => Regex.Escape(p).Replace("'", "['’]", StringComparison.Ordinal))
            .ToList();
        if (parts.Count == 0)
        {
            throw new FormatException($"The word list's phrase \"{phrase}\" has no words in it.");
        }
        var body = string.Join(Separators, parts);
        var options = RegexOptions.CultureInvariant | (matchCase ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new Regex($@"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}])", options, Regex.InfiniteMatchTimeout);
    }

    /// <summary>
    /// Reads the word list: a JSON array of { "phrase", "why", "alternatives": [], "forms": [], "unless": [],
    /// "matchCase", "onlyWhenChildHasOwnWord" }. A rule without a reason or an alternative is refused, so an
    /// edited list that would give bare, unhelpful advice fails when the service starts, not in front of a worker.
    /// </summary>
    public static LanguageCheck Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<List<WordRule>>(json, ReadOptions)
            ?? throw new FormatException("The word list is empty.");
        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Phrase))
            {
                throw new FormatException("A rule in the word list has no phrase.");
            }
            if (string.IsNullOrWhiteSpace(rule.Why) || rule.Alternatives is null || !rule.Alternatives.Any(a => !string.IsNullOrWhiteSpace(a)))
            {
                throw new FormatException($"The word list's rule for \"{rule.Phrase}\" needs a reason (\"why\") and at least one alternative.");
            }
        }
        return new LanguageCheck(rules);
    }
}

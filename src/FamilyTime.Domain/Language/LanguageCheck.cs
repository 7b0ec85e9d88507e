using System.Text.Json;
using System.Text.RegularExpressions;

namespace FamilyTime.Domain.Language;

/// <summary>A word or phrase that blames or labels, where it was found, and kinder, more precise words to use.</summary>
public sealed record WordAdvice(string Found, int Start, int Length, string Why, IReadOnlyList<string> Alternatives);

/// <summary>One entry of the service's word list.</summary>
public sealed record WordRule(string Phrase, string Why, IReadOnlyList<string> Alternatives, bool OnlyWhenChildHasOwnWord = false);

/// <summary>
/// Reads what a worker wrote and points out words that blame or label ("failed to engage", "LAC") with kinder,
/// more precise alternatives (DOMAIN.md "Words"). It advises and never blocks. The list is a data file the
/// service can edit.
/// </summary>
public sealed class LanguageCheck
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly List<(WordRule Rule, Regex Pattern)> _rules;

    public LanguageCheck(IEnumerable<WordRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules
            .Where(r => !string.IsNullOrWhiteSpace(r.Phrase))
            .Select(r => (r, new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(r.Phrase.Trim()).Replace("\\ ", "\\s+", StringComparison.Ordinal)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))))
            .ToList();
    }

    public int Count => _rules.Count;

    /// <summary>
    /// Every match in <paramref name="text"/>, in reading order; where two rules match the same words, the longer
    /// phrase wins. "Contact" is flagged only when the child has chosen another name for family time.
    /// </summary>
    public IReadOnlyList<WordAdvice> Check(string? text, string? childsWordForFamilyTime)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var ownWord = !string.IsNullOrWhiteSpace(childsWordForFamilyTime) && !childsWordForFamilyTime.Contains("contact", StringComparison.OrdinalIgnoreCase);
        var found = new List<WordAdvice>();
        foreach (var (rule, pattern) in _rules.OrderByDescending(r => r.Rule.Phrase.Length))
        {
            if (rule.OnlyWhenChildHasOwnWord && !ownWord)
            {
                continue;
            }
            foreach (Match m in pattern.Matches(text))
            {
                if (found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length))
                {
                    continue;
                }
                var alternatives = rule.OnlyWhenChildHasOwnWord
                    ? [$"“{childsWordForFamilyTime!.Trim()}” (the child's own words)", .. rule.Alternatives]
                    : rule.Alternatives;
                found.Add(new WordAdvice(m.Value, m.Index, m.Length, rule.Why, alternatives));
            }
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>Reads the word list: a JSON array of { "phrase", "why", "alternatives": [], "onlyWhenChildHasOwnWord" }.</summary>
    public static LanguageCheck Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<List<WordRule>>(json, ReadOptions)
            ?? throw new FormatException("The word list is empty.");
        return new LanguageCheck(rules);
    }
}

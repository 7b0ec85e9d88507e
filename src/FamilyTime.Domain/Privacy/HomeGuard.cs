using System.Text;
using System.Text.RegularExpressions;

namespace FamilyTime.Domain.Privacy;

/// <summary>
/// Finds, in anything written for a family, what would tell them where the child lives or goes to school:
/// the carers' names (in full, or a first name or surname on its own), the home's street, house number, town and
/// postcode, the school and its street, and the other children living in the same home. One guard for every output
/// to a family: letters and their PDFs, notices, texts, portal pages and the calendar feed.
/// </summary>
/// <remarks>
/// A phrase (a full name, a street, a school) is found whatever its letter case. A single name on its own is found
/// only when written with a capital, as names are, so a carer called Will does not stop "will bring". A house
/// number is found after "number", "no." or "house"; one of three or more digits is found anywhere.
/// Every pattern is a literal between one-character lookarounds: linear in the text, so no match timeout, which a
/// busy machine could trip and turn a parent's page into an error (the same reasoning as <see cref="Records.Redactor"/>).
/// </remarks>
public sealed class HomeGuard
{
    public const string Removed = "[removed]";

    private readonly List<(Regex Pattern, string What)> _terms = [];

    private HomeGuard() { }

    /// <summary>A guard that finds nothing: for output that is about no one child.</summary>
    public static HomeGuard Nothing { get; } = new();

    public static HomeGuard For(HomeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var guard = new HomeGuard();
        var allowed = facts.AllowedNames.SelectMany(Words).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var name in facts.CarerNames)
        {
            guard.AddPerson(name, allowed, "the carers' names");
        }
        foreach (var child in facts.OtherChildren)
        {
            guard.AddPerson(child, allowed, "another child living in the home");
        }
        foreach (var home in facts.HomeNames)
        {
            guard.AddPhrase(home, "the name of the child's home");
        }
        foreach (var address in facts.HomeAddresses)
        {
            guard.AddAddress(address, "the home's address", "the home's street", "the home's house number");
        }
        foreach (var town in facts.Towns)
        {
            guard.AddPhrase(town, "the home's town");
        }
        foreach (var postcode in facts.Postcodes)
        {
            guard.AddPostcode(postcode);
        }
        foreach (var school in facts.Schools)
        {
            guard.AddPhrase(school, "the child's school");
            // "Northbridge Primary School" is also written "Northbridge Primary".
            var shorter = Regex.Replace(school.Trim(), @"\s+(School|Academy|College)$", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            if (shorter.Contains(' ', StringComparison.Ordinal))
            {
                guard.AddPhrase(shorter, "the child's school");
            }
        }
        foreach (var address in facts.SchoolAddresses)
        {
            guard.AddAddress(address, "the school's address", "the school's street", null);
        }
        return guard;
    }

    /// <summary>Everything in <paramref name="text"/> that would tell the family where the child lives, in order.</summary>
    /// <param name="allowed">Phrases the plan lets the family read (the venue's address), set aside before looking.</param>
    public IReadOnlyList<HomeLeak> Find(string? text, IEnumerable<string>? allowed = null)
    {
        if (string.IsNullOrEmpty(text) || _terms.Count == 0)
        {
            return [];
        }
        var masked = Mask(text, allowed);
        var found = new List<HomeLeak>();
        foreach (var (pattern, what) in _terms)
        {
            foreach (Match m in pattern.Matches(masked))
            {
                found.Add(new HomeLeak(m.Index, m.Length, what, text.Substring(m.Index, m.Length)));
            }
        }
        // Longest first where two overlap: "686 Von Cliff" is one leak, not a number and a street.
        var kept = new List<HomeLeak>();
        var end = 0;
        foreach (var leak in found.OrderBy(l => l.Start).ThenByDescending(l => l.Length))
        {
            if (leak.Start >= end)
            {
                kept.Add(leak);
                end = leak.Start + leak.Length;
            }
        }
        return kept;
    }

    /// <summary>What is found, said once each, for the worker: "the carers' names and the home's street".</summary>
    public IReadOnlyList<string> Leaks(IEnumerable<string?> texts, IEnumerable<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var allowedList = allowed?.ToList();
        return texts.SelectMany(t => Find(t, allowedList)).Select(l => l.What).Distinct().ToList();
    }

    /// <summary>The text with everything found replaced by "[removed]".</summary>
    public string? Redact(string? text, IEnumerable<string>? allowed = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var result = new StringBuilder();
        var at = 0;
        foreach (var leak in Find(text, allowed))
        {
            result.Append(text, at, leak.Start - at).Append(Removed);
            at = leak.Start + leak.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The text in pieces, those that would be taken out marked with why: the worker's preview before sharing.</summary>
    public IReadOnlyList<HighlightedPiece> Highlight(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var pieces = new List<HighlightedPiece>();
        var at = 0;
        foreach (var leak in Find(text))
        {
            if (leak.Start > at)
            {
                pieces.Add(new HighlightedPiece(text[at..leak.Start], null));
            }
            pieces.Add(new HighlightedPiece(leak.Text, leak.What));
            at = leak.Start + leak.Length;
        }
        if (at < text.Length)
        {
            pieces.Add(new HighlightedPiece(text[at..], null));
        }
        return pieces;
    }

    private void AddPerson(string name, HashSet<string> allowed, string what)
    {
        var clean = Squash(name);
        if (clean.Length < 2)
        {
            return;
        }
        // "Alexandria and Kevin Morar" is two people: "Alexandria Morar" and "Kevin Morar".
        var people = Regex.Split(clean, @"\s+(?:and|&)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout)
            .Where(p => p.Length > 0).ToList();
        AddPhrase(clean, what);
        var surname = people.Count > 1 && people[^1].Contains(' ', StringComparison.Ordinal) ? people[^1].Split(' ')[^1] : null;
        foreach (var person in people)
        {
            AddPhrase(person, what);
            if (surname is not null && !person.Contains(' ', StringComparison.Ordinal))
            {
                AddPhrase($"{person} {surname}", what);
            }
            foreach (var word in Words(person).Where(w => w.Length >= 2 && !allowed.Contains(w)))
            {
                AddCapitalised(word, what);
            }
        }
    }

    private void AddAddress(string address, string wholeWhat, string streetWhat, string? numberWhat)
    {
        var first = true;
        foreach (var line in address.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var isFirst = first;
            first = false;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var numbers = words.Where(w => w.Any(char.IsDigit)).ToList();
            var street = string.Join(' ', words.Where(w => !w.Any(char.IsDigit) && !w.Equals("Flat", StringComparison.OrdinalIgnoreCase)));
            // A line with a number is the street's line ("686 Von Cliff"): found whole, and its street on its own.
            // A first line without one is the street itself; a later line is the town or area.
            if (numbers.Count > 0)
            {
                AddPhrase(line, wholeWhat);
            }
            if (street.Length >= 3)
            {
                AddPhrase(street, numbers.Count > 0 || isFirst ? streetWhat : wholeWhat);
            }
            if (numberWhat is null)
            {
                continue;
            }
            foreach (var number in numbers.Select(n => n.Trim('.', '#')).Where(n => n.Length > 0))
            {
                var n = Regex.Escape(number);
                Add($@"(?<=\b(?:number|no\.?|num|house|flat)\s*){n}(?![\p{{L}}\p{{N}}])", numberWhat, ignoreCase: true);
                if (number.Count(char.IsDigit) >= 3)
                {
                    Add($@"(?<![\p{{L}}\p{{N}}]){n}(?![\p{{L}}\p{{N}}])", numberWhat, ignoreCase: true);
                }
            }
        }
    }

    private void AddPostcode(string postcode)
    {
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray());
        if (compact.Length < 5)
        {
            return;
        }
        // With or without the space: "NB1 4QT", "NB14QT".
        Add($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(compact[..^3])}\s*{Regex.Escape(compact[^3..])}(?![\p{{L}}\p{{N}}])", "the home's postcode", ignoreCase: true);
    }

    private void AddPhrase(string phrase, string what)
    {
        var clean = Squash(phrase);
        if (clean.Length < 3)
        {
            return;
        }
        var words = clean.Split(' ').Select(Regex.Escape);
        Add($@"(?<![\p{{L}}\p{{N}}]){string.Join(@"\s+", words)}(?![\p{{L}}\p{{N}}])", what, ignoreCase: true);
    }

    /// <summary>A single name, found only as a name is written: with its capital ("Dovie", not "dovie").</summary>
    private void AddCapitalised(string word, string what)
    {
        var rest = word.Length > 1 ? Regex.Escape(word[1..]) : "";
        var first = char.ToUpperInvariant(word[0]);
        Add($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(first.ToString())}(?i:{rest})(?![\p{{L}}\p{{N}}])", what, ignoreCase: false);
    }

    private void Add(string pattern, string what, bool ignoreCase)
    {
        if (_terms.Any(t => t.Pattern.ToString() == pattern))
        {
            return;
        }
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        _terms.Add((new Regex(pattern, options, Regex.InfiniteMatchTimeout), what));
    }

    private static string Mask(string text, IEnumerable<string>? allowed)
    {
        if (allowed is null)
        {
            return text;
        }
        var chars = text.ToCharArray();
        foreach (var phrase in allowed.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            var from = 0;
            int at;
            while ((at = text.IndexOf(phrase, from, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                Array.Fill(chars, ' ', at, phrase.Length);
                from = at + phrase.Length;
            }
        }
        return new string(chars);
    }

    private static string Squash(string text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Words(string name) =>
        name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Equals("and", StringComparison.OrdinalIgnoreCase) && w != "&");
}

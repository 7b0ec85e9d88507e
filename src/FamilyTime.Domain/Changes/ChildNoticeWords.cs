using FamilyTime.Domain.People;

namespace FamilyTime.Domain.Changes;

/// <summary>
/// The words of a change's notice to the child (guidance section 11: children are told in writing), written for the
/// child: "you", the people as the child knows them ("your mum", "your brother Sidney"), one short sentence for each
/// kind of change, and the child's own word for family time. Nothing here names a place: not where the child lives,
/// not where anyone else does, not a venue (the child's social worker tells them about a new place in person).
/// </summary>
public static class ChildNoticeWords
{
    /// <summary>
    /// The child's word for family time, turned to speak to them: the child wrote "seeing my brothers and sisters",
    /// the notice says "seeing your brothers and sisters".
    /// </summary>
    public static string ToYou(string familyTimeName)
    {
        var words = (string.IsNullOrWhiteSpace(familyTimeName) ? "family time" : familyTimeName.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => w.ToLowerInvariant() switch
        {
            "my" => "your",
            "me" => "you",
            "i" => "you",
            "mine" => "yours",
            "myself" => "yourself",
            _ => w,
        }));
    }

    /// <summary>One person as the child knows them: their relationship first, then their first name.</summary>
    public static string Person(Relationship relationship, string fullName)
    {
        var first = (fullName ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return relationship switch
        {
            Relationship.Mother => "your mum",
            Relationship.Father => "your dad",
            Relationship.Brother => $"your brother {first}",
            Relationship.Sister => $"your sister {first}",
            Relationship.HalfSibling => $"your brother or sister {first}",
            Relationship.Grandparent => $"your grandparent {first}",
            Relationship.AuntOrUncle => $"your aunt or uncle {first}",
            _ => first,
        };
    }

    /// <summary>"your mum", "your mum and your dad", "your mum, your dad and your sister Ava".</summary>
    public static string People(IReadOnlyList<string> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return people.Count switch
        {
            0 => "your family",
            1 => people[0],
            _ => string.Join(", ", people.Take(people.Count - 1)) + " and " + people[^1],
        };
    }

    /// <summary>What is happening, one sentence for each kind of change, each one whole and plain.</summary>
    public static IReadOnlyList<string> WhatChanges(ChangeKinds kinds, string with)
    {
        if (kinds.HasFlag(ChangeKinds.Ending))
        {
            return [$"We have decided that your planned time with {with} is going to stop for now."];
        }
        var sentences = new List<string>();
        if (kinds.HasFlag(ChangeKinds.Frequency))
        {
            sentences.Add($"We have decided to change how often you see {with}.");
        }
        if (kinds.HasFlag(ChangeKinds.Venue))
        {
            sentences.Add($"We have decided to change the place where you see {with}.");
        }
        if (kinds.HasFlag(ChangeKinds.Supervision))
        {
            sentences.Add($"We have decided to change who is with you when you see {with}.");
        }
        // Other, or a kind this list does not know yet: still a whole sentence.
        if (sentences.Count == 0 || kinds.HasFlag(ChangeKinds.Other))
        {
            sentences.Add(sentences.Count == 0
                ? $"We have decided to change some things about the time you spend with {with}."
                : $"Some other things about the time you spend with {with} are changing too.");
        }
        return sentences;
    }

    /// <summary>The opening line: what the notice is about, in the child's own word.</summary>
    public static string About(string familyTimeName) => $"This letter is about {ToYou(familyTimeName)}.";
}

using FamilyTime.Domain.Audit;

namespace FamilyTime.UnitTests;

public class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid ChildId = new("dddddddd-0000-0000-0000-000000000001");

    private static AuditEntry Entry(long sequence, string previousHash, DateTime? at = null, string userId = "user-1",
        string userName = "Sam Social Worker", AuditAction action = AuditAction.Update, string recordType = "Child",
        Guid? recordId = null, Guid? childId = null, string? changes = """{"FirstName":["Amara","Amy"]}""") =>
        new(sequence, at ?? Start.AddMinutes(sequence), userId, userName, action, recordType,
            recordId ?? new Guid($"eeeeeeee-0000-0000-0000-{sequence:D12}"), childId ?? ChildId, changes, previousHash);

    /// <summary>A correctly linked chain of <paramref name="length"/> entries, numbered from 1.</summary>
    private static List<AuditEntry> Chain(int length = 5)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var seq = 1; seq <= length; seq++)
        {
            var action = seq % 2 == 0 ? AuditAction.View : AuditAction.Update;
            var e = Entry(seq, previous, action: action, changes: action == AuditAction.View ? null : $"{{\"n\":[\"{seq}\",\"{seq + 1}\"]}}");
            entries.Add(e);
            previous = e.Hash;
        }
        return entries;
    }

    /// <summary>Simulates an edit made directly in the database, behind the application's back.</summary>
    private static void Tamper(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void The_genesis_is_64_zeros() => Assert.Equal(new string('0', 64), AuditChain.Genesis);

    [Fact]
    public void An_intact_chain_verifies()
    {
        var chain = Chain();
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }
        Assert.Null(AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void An_empty_chain_verifies() => Assert.Null(AuditChain.FirstBreak([]));

    [Fact]
    public void The_constructor_stores_the_fields_and_its_own_hash()
    {
        var recordId = Guid.NewGuid();
        var e = new AuditEntry(7, Start, "u-7", "Name", AuditAction.Delete, "Person", recordId, null, null, "abc");

        Assert.Equal(7, e.Sequence);
        Assert.Equal(Start, e.At);
        Assert.Equal("u-7", e.UserId);
        Assert.Equal("Name", e.UserName);
        Assert.Equal(AuditAction.Delete, e.Action);
        Assert.Equal("Person", e.RecordType);
        Assert.Equal(recordId, e.RecordId);
        Assert.Null(e.ChildId);
        Assert.Null(e.Changes);
        Assert.Equal("abc", e.PreviousHash);
        Assert.Equal(AuditChain.HashOf(e), e.Hash);
        Assert.Matches("^[0-9a-f]{64}$", e.Hash);
    }

    [Fact]
    public void The_time_is_stored_as_utc()
    {
        var unspecified = DateTime.SpecifyKind(Start, DateTimeKind.Unspecified);
        var e = Entry(1, AuditChain.Genesis, at: unspecified);
        Assert.Equal(DateTimeKind.Utc, e.At.Kind);
        Assert.Equal(Start.Ticks, e.At.Ticks);
    }

    /// <summary>An edit of one field of the third entry, and the sequence at which the break is reported.</summary>
    public static TheoryData<string, object?, long> Edits() => new()
    {
        { nameof(AuditEntry.At), Start.AddMinutes(3).AddSeconds(1), 3 },
        { nameof(AuditEntry.At), Start.AddMinutes(3).AddTicks(1), 3 },
        { nameof(AuditEntry.UserId), "user-2", 3 },
        { nameof(AuditEntry.UserName), "Someone Else", 3 },
        { nameof(AuditEntry.Action), AuditAction.View, 3 },
        { nameof(AuditEntry.RecordType), "Person", 3 },
        { nameof(AuditEntry.RecordId), Guid.Empty, 3 },
        { nameof(AuditEntry.ChildId), null, 3 },
        { nameof(AuditEntry.ChildId), Guid.Empty, 3 },
        { nameof(AuditEntry.Changes), """{"n":["3","999"]}""", 3 },
        { nameof(AuditEntry.PreviousHash), AuditChain.Genesis, 3 },
        { nameof(AuditEntry.Hash), new string('a', 64), 3 },
        // A renumbered entry is reported under the number it now carries.
        { nameof(AuditEntry.Sequence), 20L, 20 },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Altering_any_field_of_an_old_entry_is_found_at_that_entry(string property, object? value, long expectedBreak)
    {
        var chain = Chain();
        var before = typeof(AuditEntry).GetProperty(property)!.GetValue(chain[2]);
        Assert.NotEqual(before, value); // the edit really changes something
        Assert.Null(AuditChain.FirstBreak(chain));

        Tamper(chain[2], property, value);

        Assert.Equal(expectedBreak, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Altering_the_changes_of_an_old_view_or_update_is_found()
    {
        var chain = Chain();
        Tamper(chain[1], nameof(AuditEntry.Changes), "{}"); // sequence 2 is a view, with no changes
        Tamper(chain[2], nameof(AuditEntry.Changes), null);   // sequence 3 is an update
        Assert.Equal(2, AuditChain.FirstBreak(chain));
        Tamper(chain[1], nameof(AuditEntry.Changes), null);
        Assert.Equal(3, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Altering_an_entry_and_its_hash_together_is_found_at_the_next_entry()
    {
        var chain = Chain();
        Tamper(chain[1], nameof(AuditEntry.UserName), "Someone Else");
        Tamper(chain[1], nameof(AuditEntry.Hash), AuditChain.HashOf(chain[1]));

        Assert.Equal(3, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Altering_the_first_entry_is_found()
    {
        var chain = Chain();
        Tamper(chain[0], nameof(AuditEntry.Changes), null);
        Assert.Equal(1, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Removing_a_middle_entry_is_found_at_the_entry_after_the_gap()
    {
        var chain = Chain();
        chain.RemoveAt(2); // sequence 3

        Assert.Equal(4, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Removing_the_first_entry_is_found()
    {
        var chain = Chain();
        chain.RemoveAt(0);
        Assert.Equal(2, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Removing_a_middle_entry_and_renumbering_the_rest_is_still_found()
    {
        var chain = Chain();
        chain.RemoveAt(2);
        Tamper(chain[2], nameof(AuditEntry.Sequence), 3L);
        Tamper(chain[3], nameof(AuditEntry.Sequence), 4L);

        Assert.Equal(3, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Reordering_is_found()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(3, AuditChain.FirstBreak(chain)); // sequence 3 arrives where 2 was expected
    }

    [Fact]
    public void Inserting_a_forged_entry_is_found()
    {
        var chain = Chain();
        chain.Insert(2, Entry(3, chain[1].Hash, userName: "Forger"));

        // The forged 3 links correctly; the genuine 3 then arrives where 4 is expected, and is reported by its own number.
        Assert.Equal(3, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Inserting_a_forged_entry_and_renumbering_the_rest_is_found_at_the_first_renumbered_entry()
    {
        var chain = Chain();
        chain.Insert(2, Entry(3, chain[1].Hash, userName: "Forger"));
        for (var i = 3; i < chain.Count; i++)
        {
            Tamper(chain[i], nameof(AuditEntry.Sequence), (long)(i + 1));
        }

        Assert.Equal(4, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void A_chain_that_does_not_start_from_the_genesis_is_found_at_its_first_entry()
    {
        var first = Entry(1, new string('1', 64));
        var second = Entry(2, first.Hash);
        Assert.Equal(1, AuditChain.FirstBreak([first, second]));
    }

    [Fact]
    public void A_chain_that_does_not_start_at_sequence_1_is_found()
    {
        var first = Entry(2, AuditChain.Genesis);
        Assert.Equal(2, AuditChain.FirstBreak([first]));
    }

    [Fact]
    public void Only_the_first_break_is_reported()
    {
        var chain = Chain();
        Tamper(chain[3], nameof(AuditEntry.UserId), "x");
        Tamper(chain[1], nameof(AuditEntry.UserId), "y");
        Assert.Equal(2, AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Removing_the_newest_entries_cannot_be_found_by_the_chain_alone()
    {
        // A known limit of a hash chain: truncation of the tail leaves a valid shorter chain.
        // Callers who need to detect it must compare against an anchor kept elsewhere (e.g. the last sequence and hash).
        var chain = Chain();
        chain.RemoveAt(chain.Count - 1);
        Assert.Null(AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void HashOf_is_deterministic()
    {
        var a = Entry(1, AuditChain.Genesis);
        var b = Entry(1, AuditChain.Genesis);

        Assert.NotSame(a, b);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Hash, AuditChain.HashOf(a));
        Assert.Equal(AuditChain.HashOf(a), AuditChain.HashOf(a));
    }

    [Fact]
    public void HashOf_is_a_known_sha256_value()
    {
        // Pins the canonical form: changing the field order, separator or formatting breaks every stored chain.
        var e = new AuditEntry(1, new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), "u", "n", AuditAction.View, "Child",
            new Guid("eeeeeeee-0000-0000-0000-000000000001"), null, null, AuditChain.Genesis);

        var ticks = new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var canonical = $"1:1{ticks.Length}:{ticks}1:u1:n1:15:Child32:eeeeeeee0000000000000000000000010:0:64:{AuditChain.Genesis}";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, e.Hash);
    }

    [Fact]
    public void HashOf_changes_when_any_single_field_changes()
    {
        var hashes = new[]
        {
            Entry(1, AuditChain.Genesis).Hash,
            Entry(2, AuditChain.Genesis, at: Start.AddMinutes(1), recordId: new Guid("eeeeeeee-0000-0000-0000-000000000001")).Hash,
            Entry(1, AuditChain.Genesis, at: Start.AddMinutes(1).AddTicks(10)).Hash, // one microsecond later
            Entry(1, AuditChain.Genesis, userId: "user-2").Hash,
            Entry(1, AuditChain.Genesis, userName: "Sam Social Worker ").Hash,
            Entry(1, AuditChain.Genesis, action: AuditAction.Create).Hash,
            Entry(1, AuditChain.Genesis, recordType: "Person").Hash,
            Entry(1, AuditChain.Genesis, recordId: Guid.Empty).Hash,
            Entry(1, AuditChain.Genesis, childId: Guid.Empty).Hash,
            new AuditEntry(1, Start.AddMinutes(1), "user-1", "Sam Social Worker", AuditAction.Update, "Child",
                new Guid("eeeeeeee-0000-0000-0000-000000000001"), null, """{"FirstName":["Amara","Amy"]}""", AuditChain.Genesis).Hash,
            Entry(1, AuditChain.Genesis, changes: """{"FirstName":["Amara","Amie"]}""").Hash,
            Entry(1, AuditChain.Genesis, changes: null).Hash,
            Entry(1, new string('f', 64)).Hash,
        };

        Assert.Equal(hashes.Length, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_separator_keeps_adjacent_string_fields_apart()
    {
        var ab_c = Entry(1, AuditChain.Genesis, userId: "ab", userName: "c");
        var a_bc = Entry(1, AuditChain.Genesis, userId: "a", userName: "bc");
        Assert.NotEqual(ab_c.Hash, a_bc.Hash);

        var changesAndPrevious1 = Entry(1, "hash", changes: "x");
        var changesAndPrevious2 = Entry(1, "xhash", changes: "");
        Assert.NotEqual(changesAndPrevious1.Hash, changesAndPrevious2.Hash);
    }

    [Fact]
    public void Field_values_containing_the_separator_cannot_be_shifted_between_fields()
    {
        var original = Entry(1, AuditChain.Genesis, userId: "a\u001fb", userName: "c");
        var shifted = Entry(1, AuditChain.Genesis, userId: "a", userName: "b\u001fc");
        Assert.NotEqual(original.Hash, shifted.Hash);
    }

    [Fact]
    public void A_chain_read_back_at_microsecond_precision_still_verifies()
    {
        // PostgreSQL 'timestamp with time zone' keeps whole microseconds; the clock gives 100-ns ticks.
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var seq = 1; seq <= 3; seq++)
        {
            var e = Entry(seq, previous, at: Start.AddTicks(1_234_567 * seq)); // sub-microsecond digits, as from the clock
            entries.Add(e);
            previous = e.Hash;
        }

        // What the PostgreSQL round trip does: keep whole microseconds (10 ticks).
        foreach (var e in entries)
        {
            Tamper(e, nameof(AuditEntry.At), new DateTime(e.At.Ticks - (e.At.Ticks % 10), DateTimeKind.Utc));
        }

        Assert.Null(AuditChain.FirstBreak(entries));
    }

    [Fact]
    public void The_time_is_kept_to_whole_microseconds()
    {
        var e = Entry(1, AuditChain.Genesis, at: Start.AddTicks(1_234_567));
        Assert.Equal(Start.AddTicks(1_234_560), e.At);
        Assert.Equal(Entry(1, AuditChain.Genesis, at: Start.AddTicks(1_234_560)).Hash, e.Hash);
    }

    [Fact]
    public void A_time_in_whole_microseconds_survives_the_postgresql_round_trip()
    {
        var chain = Chain();
        foreach (var e in chain)
        {
            Tamper(e, nameof(AuditEntry.At), new DateTime(e.At.Ticks - (e.At.Ticks % 10), DateTimeKind.Utc));
        }
        Assert.Null(AuditChain.FirstBreak(chain));
    }
}

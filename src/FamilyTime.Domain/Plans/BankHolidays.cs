using System.Text.Json;

namespace FamilyTime.Domain.Plans;

public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>
/// Bank holidays in England and Wales, read from the data file the service ships (the same shape as GOV.UK's
/// https://www.gov.uk/bank-holidays.json, so the file can be refreshed from there). No session is planned on one.
/// </summary>
public sealed class BankHolidays
{
    public const string Division = "england-and-wales";

    private readonly Dictionary<DateOnly, BankHoliday> _byDate;

    public BankHolidays(IEnumerable<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _byDate = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First());
        KnownUntil = _byDate.Count == 0 ? DateOnly.MinValue : _byDate.Keys.Max();
    }

    public static BankHolidays None { get; } = new([]);

    /// <summary>The last date the file knows: planning beyond it cannot skip holidays not yet announced.</summary>
    public DateOnly KnownUntil { get; }

    public int Count => _byDate.Count;

    public BankHoliday? On(DateOnly day) => _byDate.GetValueOrDefault(day);

    public bool IsHoliday(DateOnly day) => _byDate.ContainsKey(day);

    /// <summary>Reads the England and Wales division of a GOV.UK-shaped bank holidays file.</summary>
    public static BankHolidays Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty(Division, out var division) || !division.TryGetProperty("events", out var events))
        {
            throw new FormatException($"The bank holidays file has no '{Division}' events.");
        }
        var list = new List<BankHoliday>();
        foreach (var e in events.EnumerateArray())
        {
            var date = DateOnly.ParseExact(e.GetProperty("date").GetString() ?? "", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new BankHoliday(date, e.GetProperty("title").GetString() ?? "Bank holiday"));
        }
        return new BankHolidays(list);
    }
}

using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;

namespace FamilyTime.Web.Features.Records;

/// <summary>The record form as typed; times stay text until read so a slip gets a message, not a binding error.</summary>
public sealed class RecordForm
{
    public string? ParentArrivedAt { get; set; }
    public string? StartedAt { get; set; }
    public string? EndedAt { get; set; }
    public string? WhoAttended { get; set; }
    public List<string> Observations { get; set; } = [];
    public string? Interaction { get; set; }
    public string? Positives { get; set; }
    public string? Concerns { get; set; }
    public string? ChildsWords { get; set; }
    public bool EndedEarly { get; set; }
    public string? EndedEarlyReason { get; set; }
    public string? Debrief { get; set; }
    public string? Analysis { get; set; }
    public string? AssessedAttunement { get; set; }
    public string? AssessedBoundaries { get; set; }
    public string? AssessedSafety { get; set; }
    public string? AssessedWarmth { get; set; }
    public string? CorrectionReason { get; set; }
    public int Version { get; set; }

    /// <summary>The fields whose words are checked, with the labels the page shows.</summary>
    public IEnumerable<(string Field, string Label, string? Text)> Texts() =>
    [
        (nameof(WhoAttended), "Who attended", WhoAttended),
        (nameof(Interaction), "What happened", Interaction),
        (nameof(Positives), "What went well", Positives),
        (nameof(Concerns), "Worries", Concerns),
        (nameof(ChildsWords), "The child's words", ChildsWords),
        (nameof(EndedEarlyReason), "Why it ended early", EndedEarlyReason),
        (nameof(Debrief), "Debrief with the child", Debrief),
        (nameof(Analysis), "Your analysis", Analysis),
    ];

    public static RecordForm From(RecordVersion v, int version) => new()
    {
        ParentArrivedAt = v.ParentArrivedAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        StartedAt = v.StartedAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndedAt = v.EndedAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        WhoAttended = v.WhoAttended, Observations = v.Observations.ToList(), Interaction = v.Interaction, Positives = v.Positives,
        Concerns = v.Concerns, ChildsWords = v.ChildsWords, EndedEarly = v.EndedEarly, EndedEarlyReason = v.EndedEarlyReason,
        Debrief = v.Debrief, Analysis = v.Analysis, AssessedAttunement = v.AssessedAttunement, AssessedBoundaries = v.AssessedBoundaries,
        AssessedSafety = v.AssessedSafety, AssessedWarmth = v.AssessedWarmth, Version = version,
    };

    public RecordContent Read(AgeBand band, ValidationErrors errors) => new()
    {
        AgeBand = band,
        ParentArrivedAt = Time(ParentArrivedAt, nameof(ParentArrivedAt), errors),
        StartedAt = Time(StartedAt, nameof(StartedAt), errors),
        EndedAt = Time(EndedAt, nameof(EndedAt), errors),
        WhoAttended = WhoAttended, Observations = Observations, Interaction = Interaction, Positives = Positives, Concerns = Concerns,
        ChildsWords = ChildsWords, EndedEarly = EndedEarly, EndedEarlyReason = EndedEarlyReason, Debrief = Debrief, Analysis = Analysis,
        AssessedAttunement = AssessedAttunement, AssessedBoundaries = AssessedBoundaries, AssessedSafety = AssessedSafety, AssessedWarmth = AssessedWarmth,
    };

    private static TimeOnly? Time(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        errors.Add(field, "Enter a time on the 24-hour clock, like 10:05 or 14:30");
        return null;
    }
}

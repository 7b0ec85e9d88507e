using System.Text.Json;
using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Assessments;

/// <summary>
/// One version of the assessment made before family time begins (guidance Appendix 1), kept for good: a change is
/// saved as the next numbered version, never by editing an earlier one, so the plan can always be read beside what
/// was known when it was agreed.
/// </summary>
public sealed class PreContactAssessment
{
    public const int MaxAnswer = 4000;

    private PreContactAssessment() { }

    private PreContactAssessment(Guid childId, Guid? planId, int number, IReadOnlyDictionary<string, string> answers, string byId, string byName, DateTime savedAt)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        PlanId = planId;
        Number = number;
        AnswersJson = JsonSerializer.Serialize(answers);
        SavedById = byId;
        SavedByName = byName;
        SavedAt = savedAt;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The child's plan when the version was saved; an assessment may come before there is a plan.</summary>
    public Guid? PlanId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The answers by question key, as JSON: one column that reads the same on every database.</summary>
    public string AnswersJson { get; private set; } = "{}";

    public string SavedById { get; private set; } = "";
    public string SavedByName { get; private set; } = "";
    public DateTime SavedAt { get; private set; }

    public IReadOnlyDictionary<string, string> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson) ?? [];

    public string? Answer(string key) => Answers.GetValueOrDefault(key);

    /// <summary>
    /// The next version after <paramref name="latestNumber"/> (0 when there is none): every required question
    /// answered, every answer within its length, only the questions of the assessment.
    /// </summary>
    public static (PreContactAssessment? Saved, ValidationErrors Errors) Save(Guid childId, Guid? planId, int latestNumber,
        IReadOnlyDictionary<string, string?> answers, string byId, string byName, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = Check(answers);
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var kept = AssessmentQuestions.All
            .Where(q => !string.IsNullOrWhiteSpace(answers.GetValueOrDefault(q.Key)))
            .ToDictionary(q => q.Key, q => answers[q.Key]!.Trim(), StringComparer.Ordinal);
        return (new PreContactAssessment(childId, planId, latestNumber + 1, kept, byId, byName, savedAt), errors);
    }

    public static ValidationErrors Check(IReadOnlyDictionary<string, string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new ValidationErrors();
        foreach (var key in answers.Keys.Where(k => AssessmentQuestions.Find(k) is null))
        {
            errors.Add(key, "This is not a question of the assessment");
        }
        foreach (var q in AssessmentQuestions.All)
        {
            var text = answers.GetValueOrDefault(q.Key)?.Trim();
            if (q.Required && string.IsNullOrEmpty(text))
            {
                errors.Add(q.Key, $"Answer “{q.Text}” (say if it is not known yet and what is being done to find out)");
            }
            else if (text is not null && text.Length > MaxAnswer)
            {
                errors.Add(q.Key, $"The answer must be {MaxAnswer} characters or fewer");
            }
        }
        return errors;
    }

    /// <summary>The required questions are answered in every saved version; these are what the plan page shows beside it.</summary>
    public IReadOnlyList<(AssessmentQuestion Question, string Answer)> Summary() =>
        AssessmentQuestions.All.Where(q => q.Required && Answers.ContainsKey(q.Key)).Select(q => (q, Answers[q.Key])).ToList();
}

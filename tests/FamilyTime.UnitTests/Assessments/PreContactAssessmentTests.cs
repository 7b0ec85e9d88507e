using FamilyTime.Domain.Assessments;

namespace FamilyTime.UnitTests.Assessments;

/// <summary>The assessment before family time (guidance Appendix 1): what it must answer, and that each save is a new version.</summary>
public class PreContactAssessmentTests
{
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly DateTime At = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);

    /// <summary>Every required question answered.</summary>
    public static Dictionary<string, string?> Complete() => AssessmentQuestions.All.Where(q => q.Required)
        .ToDictionary(q => q.Key, q => (string?)$"Answer to {q.Key}");

    [Fact]
    public void Assessment_asks_every_item_of_appendix_1_and_the_carers_view()
    {
        var keys = AssessmentQuestions.All.Select(q => q.Key).ToHashSet();
        string[] named = ["ParentsChanges", "MentalHealth", "Abduction", "AttachmentHistory", "FamilyGroupConference", "ChildsWishes", "CarersViewOfStability",
            "ParentsUnderstanding", "RiskOfHarm", "SubstanceUse", "Aggression", "PutsChildFirst", "Engagement", "ChildEnjoys", "HealthNeeds", "Research",
            "BehaviourAround", "CarePlan", "WhoChildWants", "WhatChildCallsIt", "Venue", "RingingIn", "CarerSupervision", "FamilySupervision",
            "Facilitated", "Agreement", "ConcernsShared", "RouteToUnsupervised", "SupervisorRole"];
        Assert.Equal(named.Order(), keys.Order());
        Assert.Equal(AssessmentQuestions.All.Count, keys.Count);
        Assert.All(AssessmentQuestions.All, q => Assert.Contains(q.Section, AssessmentQuestions.Sections));
    }

    [Theory]
    [InlineData("ParentsChanges")]
    [InlineData("MentalHealth")]
    [InlineData("Abduction")]
    [InlineData("AttachmentHistory")]
    [InlineData("FamilyGroupConference")]
    [InlineData("ChildsWishes")]
    [InlineData("CarersViewOfStability")]
    public void Assessment_cannot_be_saved_without_the_required_answer(string key)
    {
        var answers = Complete();
        answers[key] = "   ";
        var (saved, errors) = PreContactAssessment.Save(Child, null, 0, answers, "u1", "Priya Shah", At);
        Assert.Null(saved);
        Assert.Contains(key, errors.ByField.Keys);
        Assert.Single(errors.ByField);
    }

    [Fact]
    public void Assessment_saves_each_change_as_the_next_numbered_version()
    {
        var (first, _) = PreContactAssessment.Save(Child, null, 0, Complete(), "u1", "Priya Shah", At);
        var changed = Complete();
        changed["Abduction"] = "A new threat was made on 12 November.";
        var (second, _) = PreContactAssessment.Save(Child, Guid.NewGuid(), first!.Number, changed, "u1", "Priya Shah", At.AddDays(3));
        Assert.Equal(1, first.Number);
        Assert.Equal(2, second!.Number);
        Assert.NotEqual(first.Id, second.Id);
        // The first version still says what it said: a save never edits an earlier one.
        Assert.Equal("Answer to Abduction", first.Answer("Abduction"));
        Assert.Equal("A new threat was made on 12 November.", second.Answer("Abduction"));
    }

    [Fact]
    public void Assessment_refuses_answers_to_questions_it_does_not_ask_and_overlong_answers()
    {
        var answers = Complete();
        answers["ShoeSize"] = "9";
        answers["Venue"] = new string('x', PreContactAssessment.MaxAnswer + 1);
        var (saved, errors) = PreContactAssessment.Save(Child, null, 0, answers, "u1", "Priya Shah", At);
        Assert.Null(saved);
        Assert.Contains("ShoeSize", errors.ByField.Keys);
        Assert.Contains("Venue", errors.ByField.Keys);
    }

    [Fact]
    public void Assessment_summary_beside_the_plan_shows_the_required_answers_trimmed()
    {
        var answers = Complete();
        answers["ParentsChanges"] = "  Mum has left the relationship.  ";
        answers["Venue"] = "";
        var (saved, _) = PreContactAssessment.Save(Child, null, 0, answers, "u1", "Priya Shah", At);
        Assert.Equal(AssessmentQuestions.All.Count(q => q.Required), saved!.Summary().Count);
        Assert.Equal("Mum has left the relationship.", saved.Answer("ParentsChanges"));
        Assert.Null(saved.Answer("Venue"));
    }
}

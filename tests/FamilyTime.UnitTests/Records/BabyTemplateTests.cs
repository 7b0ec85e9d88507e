using FamilyTime.Domain.Records;

namespace FamilyTime.UnitTests.Records;

/// <summary>Issue 10, item 20: the babies' template asks nothing a baby cannot do.</summary>
public class BabyTemplateTests
{
    private static RecordContent Baby(string? words, string? debrief) => new()
    {
        AgeBand = AgeBand.BabyOrInfant, StartedAt = new TimeOnly(10, 0), EndedAt = new TimeOnly(11, 0), WhoAttended = "Mum",
        Interaction = "Mum fed the baby and sang to her.", ChildsWords = words, Debrief = debrief,
    };

    [Fact]
    public void Babies_template_asks_nothing_a_baby_cannot_do()
    {
        Assert.False(AgeBands.AsksTheChild(AgeBand.BabyOrInfant));
        Assert.True(AgeBands.AsksTheChild(AgeBand.PrimaryAge));
        Assert.True(AgeBands.AsksTheChild(AgeBand.Teenager));
        Assert.True(Baby(null, null).Validate(assessed: false).IsValid);
        var errors = Baby("I love Mummy", "We talked after").Validate(assessed: false);
        Assert.Equal(["ChildsWords", "Debrief"], errors.ByField.Keys.Order().ToArray());
    }

    [Fact]
    public void Older_child_template_still_asks_what_they_said_and_for_a_debrief() =>
        Assert.True((Baby("I love Mummy", "We talked after") with { AgeBand = AgeBand.PrimaryAge }).Validate(assessed: false).IsValid);
}

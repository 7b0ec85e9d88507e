using FamilyTime.Domain.Changes;
using FamilyTime.Domain.People;

namespace FamilyTime.UnitTests.Changes;

/// <summary>Issue 10, item 5: a child's notice reads as whole sentences written for that child, in their own word for family time.</summary>
public class ChildNoticeWordsTests
{
    [Fact]
    public void Child_notice_speaks_to_the_child_in_their_own_word_for_family_time()
    {
        Assert.Equal("seeing your brothers and sisters", ChildNoticeWords.ToYou("seeing my brothers and sisters"));
        Assert.Equal("This letter is about seeing your brothers and sisters.", ChildNoticeWords.About("seeing my brothers and sisters"));
        Assert.Equal("This letter is about time with Nan.", ChildNoticeWords.About("time with Nan"));
        Assert.Equal("This letter is about family time.", ChildNoticeWords.About(" "));
    }

    [Fact]
    public void Child_notice_names_people_as_the_child_knows_them()
    {
        var people = new[]
        {
            ChildNoticeWords.Person(Relationship.Mother, "Sidney Pollich"),
            ChildNoticeWords.Person(Relationship.Sister, "Ava Pollich"),
            ChildNoticeWords.Person(Relationship.Brother, "Sam Pollich"),
        };
        Assert.Equal("your mum, your sister Ava and your brother Sam", ChildNoticeWords.People(people));
        Assert.Equal("your dad", ChildNoticeWords.People([ChildNoticeWords.Person(Relationship.Father, "Tom Reed")]));
    }

    [Theory]
    [InlineData(ChangeKinds.Ending, "We have decided that your planned time with your mum is going to stop for now.")]
    [InlineData(ChangeKinds.Frequency, "We have decided to change how often you see your mum.")]
    [InlineData(ChangeKinds.Venue, "We have decided to change the place where you see your mum.")]
    [InlineData(ChangeKinds.Supervision, "We have decided to change who is with you when you see your mum.")]
    [InlineData(ChangeKinds.Other, "We have decided to change some things about the time you spend with your mum.")]
    [InlineData(ChangeKinds.None, "We have decided to change some things about the time you spend with your mum.")]
    public void Child_notice_has_a_whole_sentence_for_each_kind_of_change(ChangeKinds kind, string sentence) =>
        Assert.Equal([sentence], ChildNoticeWords.WhatChanges(kind, "your mum"));

    [Fact]
    public void Child_notice_of_several_changes_says_each_one()
    {
        var sentences = ChildNoticeWords.WhatChanges(ChangeKinds.Frequency | ChangeKinds.Venue | ChangeKinds.Other, "your dad");
        Assert.Equal(3, sentences.Count);
        Assert.All(sentences, s => Assert.EndsWith(".", s, StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.True(char.IsUpper(s[0])));
    }

    [Fact]
    public void Child_notice_never_reads_like_the_old_broken_sentence()
    {
        // Before: "We have decided that seeing my brothers and sisters with Sidney Pollich is going to stop for now".
        var words = string.Join(" ", [ChildNoticeWords.About("seeing my brothers and sisters"),
            .. ChildNoticeWords.WhatChanges(ChangeKinds.Ending, ChildNoticeWords.People([ChildNoticeWords.Person(Relationship.Brother, "Sidney Pollich")]))]);
        Assert.DoesNotContain(" my ", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Pollich", words, StringComparison.Ordinal);
        Assert.Contains("your planned time with your brother Sidney is going to stop for now.", words, StringComparison.Ordinal);
    }
}

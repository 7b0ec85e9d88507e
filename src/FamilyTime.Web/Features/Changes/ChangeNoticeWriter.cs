using FamilyTime.Domain.Changes;
using FamilyTime.Web.Features.Plans.Letters;

namespace FamilyTime.Web.Features.Changes;

/// <summary>What every notice of a change is about, built only from what its reader may know.</summary>
public sealed record ChangeNoticeFacts(
    string Council,
    DateOnly Date,
    string ChildFirstName,
    string FamilyTimeName,
    string With,
    bool Ending,
    string Summary,
    string Reasons,
    string SocialWorkerName,
    ChangeKinds Kinds,
    string WithForChild);

/// <summary>
/// The notices of a major change (guidance section 11): to a parent and to the carers in plain English, and to the
/// child in words a child can follow, without the worker's reasons, which their social worker talks through with them.
/// </summary>
public static class ChangeNoticeWriter
{
    public static LetterContent ForFamily(ChangeNoticeFacts f, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(f);
        var what = f.Ending
            ? $"Family time between {f.ChildFirstName} and {f.With} is going to end."
            : $"Family time between {f.ChildFirstName} and {f.With} is going to change: {f.Summary}.";
        return new LetterContent(f.Council, f.Ending ? "Family time is ending" : "A change to family time", f.Date, $"Dear {recipientName},",
        [
            new(null, [what]),
            new("Why", [f.Reasons]),
            new("What happens next", [
                "The independent reviewing officer, who checks that the plan for " + f.ChildFirstName + " is right for them, has agreed this change.",
                f.Ending ? "There will be no more sessions after today." : "The new arrangement starts from the next session. You will get a letter with the new details.",
                $"If you want to talk about this, or you disagree, please contact {f.SocialWorkerName}. You can also ask for help from an advocate or a solicitor.",
            ], AsList: true),
        ], "Yours sincerely,", f.SocialWorkerName + ", social worker");
    }

    public static LetterContent ForCarers(ChangeNoticeFacts f, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(f);
        var what = f.Ending
            ? $"{f.ChildFirstName}'s family time with {f.With} is ending."
            : $"{f.ChildFirstName}'s family time with {f.With} is changing: {f.Summary}.";
        return new LetterContent(f.Council, f.Ending ? "Family time is ending" : "A change to family time", f.Date, $"Dear {recipientName},",
        [
            new(null, [what]),
            new("Why", [f.Reasons]),
            new("How you can help", [
                $"{f.ChildFirstName} may have strong feelings about this. Please let {f.SocialWorkerName} know how they are before and after.",
                f.Ending ? "No more sessions are planned." : "The sessions in your calendar will change to the new arrangement.",
            ], AsList: true),
        ], "With thanks,", f.SocialWorkerName + ", social worker");
    }

    /// <summary>
    /// Short whole sentences for the child (see <see cref="ChildNoticeWords"/>): the child's own word for family time,
    /// the people as the child knows them, what changes by kind, no case language, no place, and who to talk to.
    /// </summary>
    public static LetterContent ForChild(ChangeNoticeFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var about = ChildNoticeWords.ToYou(f.FamilyTimeName);
        return new LetterContent(f.Council, $"About {about}", f.Date, $"Hi {f.ChildFirstName},",
        [
            new(null, [
                ChildNoticeWords.About(f.FamilyTimeName),
                .. ChildNoticeWords.WhatChanges(f.Kinds, f.WithForChild),
                $"{f.SocialWorkerName} will come and talk to you about why, and about what you think.",
                "It is OK to feel sad, cross or confused. None of this is your fault.",
                "You can tell your carers, your social worker or your independent reviewing officer how you feel at any time.",
            ]),
        ], "Take care,", f.SocialWorkerName);
    }
}

using FamilyTime.Domain.Plans;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>What the parent's letter is about. It carries no address of the child and nothing about the carers.</summary>
public sealed record ParentLetterFacts(
    string Council,
    DateOnly Date,
    string RecipientName,
    string ChildFirstName,
    string FamilyTimeName,
    IReadOnlyList<string> OthersInArrangement,
    ArrangementType Type,
    string? ReasonForSupervision,
    FamilyTimeForm Form,
    string? Schedule,
    DateOnly? FirstSession,
    string? VenueName,
    string? VenueAddress,
    string? SuggestedActivity,
    string? InterpreterLanguage,
    AgreementTerms Terms,
    IReadOnlyList<string> Purposes,
    DateOnly NextReviewOn,
    string SocialWorkerName,
    string? RecipientAddress = null,
    LetterContacts? Contacts = null,
    string? ReadsLanguage = null,
    string? RouteToLessSupervision = null,
    DateOnly? RouteToLessSupervisionBy = null,
    string? PlaceForFamily = null);

/// <summary>Who the family can answer: the service and the social worker, by phone and e-mail.</summary>
public sealed record LetterContacts(string? ServicePhone, string? ServiceEmail, string? ServiceAddress, string? SocialWorkerPhone, string? SocialWorkerEmail);

/// <summary>
/// Writes the written agreement a parent receives (guidance sections 7 and 8) in plain English: what, when,
/// where, whether supervised and why, what is agreed, and what happens if a session has to end.
/// </summary>
public static class ParentLetterWriter
{
    public static LetterContent Write(ParentLetterFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var child = f.ChildFirstName;
        var sections = new List<LetterSection>();
        var withOthers = f.OthersInArrangement.Count == 0 ? "" : $", together with {string.Join(" and ", f.OthersInArrangement)}";
        sections.Add(new(null,
        [
            $"This letter sets out the plan for your family time with {child}{withOthers}. {child} calls it “{f.FamilyTimeName}”, so we do too.",
            "Please read it and keep it. If anything is unclear, or you think something is wrong, contact your social worker. You can ask for this letter in another language or format.",
            .. TranslationLine(f.ReadsLanguage),
        ]));

        var what = f.Form == FamilyTimeForm.FaceToFace ? "You will see each other in person." : $"You will keep in touch by {PlanWords.Describe(f.Form).ToLowerInvariant()}.";
        sections.Add(new("What family time is for", f.Purposes.Count == 0 ? [what] : [what, .. f.Purposes.Select(p => p + ".")], AsList: false));

        if (f.Form == FamilyTimeForm.FaceToFace)
        {
            var when = new List<string>();
            if (f.Schedule is not null)
            {
                when.Add(f.Schedule + ".");
            }
            if (f.FirstSession is { } first)
            {
                when.Add($"The first session is on {Schedule.FormatDate(first)}.");
            }
            when.Add("There is no family time on bank holidays. If a session has to move, we will tell you as early as we can.");
            sections.Add(new("When", when));
            if (f.VenueName is not null)
            {
                sections.Add(new("Where", [$"{f.VenueName}, {f.VenueAddress}.", "Please arrive a few minutes early. If you are going to be late or cannot come, phone the family time service as soon as you can, so that " + child + " is not left waiting."]));
            }
            else if (f.PlaceForFamily is not null)
            {
                // Never an address for a carer's home: only "the carer's home", said by the domain's words.
                sections.Add(new("Where", [$"{Sentence(f.PlaceForFamily)} Your social worker will tell you how to get there and who will meet you."]));
            }
        }

        var supervision = new List<string> { PlanWords.Explain(f.Type) };
        if (PlanWords.IsSupervisedOrAssessed(f.Type))
        {
            supervision.Add($"Why: {Sentence(f.ReasonForSupervision)}");
            supervision.Add(f.RouteToLessSupervision is { } route
                ? $"What would need to change for family time to be less supervised: {Sentence(route)}" + (f.RouteToLessSupervisionBy is { } by ? $" We will look at this again by {by:d MMMM yyyy}." : "")
                : "We will look at this again at each review. Your social worker will tell you what would need to change for family time to be less supervised.");
        }
        sections.Add(new(PlanWords.IsSupervisedOrAssessed(f.Type) ? $"Family time is {f.Type.ToString().ToLowerInvariant()}, and why" : "Who will be there", supervision));

        if (f.InterpreterLanguage is not null)
        {
            sections.Add(new("Interpreter", [$"An interpreter who speaks {f.InterpreterLanguage} will be there."]));
        }
        if (f.SuggestedActivity is not null)
        {
            sections.Add(new("Things you could do together", [Sentence(f.SuggestedActivity)]));
        }

        var agreed = new List<string>();
        AddTerm(agreed, "Food and drink", f.Terms.Food);
        AddTerm(agreed, "Gifts", f.Terms.Gifts);
        AddTerm(agreed, "Activities", f.Terms.Activities);
        AddTerm(agreed, "Looking after " + child + " during the session", f.Terms.WhoParents);
        if (agreed.Count > 0)
        {
            sections.Add(new("What we have agreed", agreed, AsList: true));
        }

        var ending = new List<string>
        {
            f.Terms.WhatEndsSession is { } ends
                ? $"A session may be ended early if: {Sentence(ends)}"
                : $"A session may be ended early if {child} becomes very upset or is put under pressure, or if anyone behaves in a way that is not safe.",
            "If this happens, the worker will explain why, write down what happened, and your social worker will talk with you about it before the next session.",
        };
        sections.Add(new("If a session has to end early", ending));
        sections.Add(new("Reviewing this plan",
            [$"We will review this arrangement by {f.NextReviewOn:d MMMM yyyy}. Your views, and {child}’s, will be asked for. You can ask for a review sooner by contacting your social worker."]));

        return new LetterContent(
            f.Council,
            $"Your family time with {child}",
            f.Date,
            $"Dear {f.RecipientName},",
            sections,
            "Yours sincerely,",
            $"{f.SocialWorkerName}, social worker",
            AddressBlock(f.RecipientName, f.RecipientAddress),
            ReplyTo(f.SocialWorkerName, f.Contacts));
    }

    /// <summary>True when the recipient reads a language other than English: the letter is translated before it is given.</summary>
    public static bool NeedsTranslation(string? language) =>
        !string.IsNullOrWhiteSpace(language) && !language.Trim().Equals("English", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> TranslationLine(string? language) =>
        NeedsTranslation(language) ? [$"We will also give you this letter in {language!.Trim()}."] : [];

    /// <summary>The name and address as they go in a window envelope, one line each.</summary>
    private static IReadOnlyList<string> AddressBlock(string name, string? address) => Domain.Notifications.PostalAddress.Lines(name, address);

    private static List<string> ReplyTo(string socialWorker, LetterContacts? c)
    {
        var lines = new List<string>();
        if (c is null)
        {
            return lines;
        }
        var worker = string.Join(", ", new[] { c.SocialWorkerPhone is { } p ? $"phone {p}" : null, c.SocialWorkerEmail is { } e ? $"e-mail {e}" : null }.OfType<string>());
        lines.Add(worker.Length > 0 ? $"{socialWorker}, your social worker: {worker}." : $"{socialWorker}, your social worker, through the family time service.");
        var service = string.Join(", ", new[] { c.ServicePhone is { } sp ? $"phone {sp}" : null, c.ServiceEmail is { } se ? $"e-mail {se}" : null }.OfType<string>());
        if (service.Length > 0)
        {
            lines.Add($"The family time service: {service}.");
        }
        lines.Add(c.ServiceAddress is { } address
            ? $"To answer this letter, phone or e-mail either of us, or write to the family time service, {address}."
            : "To answer this letter, phone or e-mail either of us.");
        return lines;
    }

    private static void AddTerm(List<string> list, string label, string? value)
    {
        if (value is not null)
        {
            list.Add($"{label}: {Sentence(value)}");
        }
    }

    private static string Sentence(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 || ".!?".Contains(t[^1], StringComparison.Ordinal) ? t : t + ".";
    }
}

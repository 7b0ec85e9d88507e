using System.Globalization;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>The log form as the page sends it: the who is a person's id, or "someone-else".</summary>
public sealed class IndirectContactInput
{
    public const string SomeoneElseValue = "someone-else";

    /// <summary>Made when the form is first shown: a form sent twice logs once.</summary>
    public Guid EntryId { get; set; }
    public string? Kind { get; set; }
    public DateParts When { get; set; } = new();
    public string? Time { get; set; }
    public string? Who { get; set; }
    public string? SomeoneElse { get; set; }
    public string? WhatHappened { get; set; }
    public string? HowChildWas { get; set; }
    public string? WhatCarerDid { get; set; }
    public bool Worried { get; set; }

    /// <summary>The draft for the domain, with the problems only the form can have (a date or time that is not one).</summary>
    public IndirectContactDraft ToDraft(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        IndirectContactKind? kind = Enum.TryParse<IndirectContactKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        var day = When.ToDate(nameof(When), "The date", errors);
        DateTime? at = null;
        if (day is { } d)
        {
            var time = new TimeOnly(12, 0);
            if (!string.IsNullOrWhiteSpace(Time) && !TimeOnly.TryParseExact(Time.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                errors.Add(nameof(Time), "Enter the time like 18:30, or leave it blank");
            }
            at = LondonTime.StartOfDayUtc(d).Add(time.ToTimeSpan());
        }
        Guid? person = Guid.TryParse(Who, out var p) ? p : null;
        return new IndirectContactDraft(kind, at, person, Who == SomeoneElseValue, SomeoneElse, WhatHappened, HowChildWas, WhatCarerDid, Worried);
    }

    /// <summary>The domain's field names onto the form's boxes.</summary>
    public static IReadOnlyDictionary<string, string[]> FormFields(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key switch
        {
            nameof(IndirectContactEntry.HappenedAt) => nameof(When),
            nameof(IndirectContactEntry.PersonId) => nameof(Who),
            _ => e.Key,
        }, e => e.Value);
}

/// <summary>The carer logs a call, message, letter or contact online; it reaches the child's social worker.</summary>
[ForChild(ChildOperation.LogIndirectContact)]
public sealed class IndirectContactModel(IndirectContactLog log, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IndirectContactInput Input { get; set; } = new();

    public string ChildName { get; private set; } = "";
    public Guid ChildId { get; private set; }
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Kinds { get; } = Enum.GetValues<IndirectContactKind>()
        .Select(k => new SelectListItem(IndirectContactWords.Kind(k) + (IndirectContactWords.Hint(k) is { Length: > 0 } h ? $" ({h})" : ""), k.ToString())).ToList();

    /// <summary>Back to where the user came from: the carer's page of the child, or the staff log.</summary>
    public string BackLink => User.Scope().IsPortalUser ? CarerLinks.Child(ChildId) : CarerLinks.StaffLog(ChildId);

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new IndirectContactInput { EntryId = Guid.NewGuid(), Kind = kind, When = DateParts.From(clock.Today()) };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var errors = new ValidationErrors();
        var draft = Input.ToDraft(errors);
        var outcome = errors.IsValid ? await log.LogAsync(child, Input.EntryId, draft, ct) : Outcome<Guid>.Invalid(errors);
        return await this.AnswerAsync(outcome, _ =>
        {
            TempData["Saved"] = "Thank you. What you logged has gone to the social worker" + (draft.Kind == IndirectContactKind.UnplannedOnline || draft.Worried ? " as urgent." : ".");
            return Redirect(BackAfterSave(id));
        }, again: async show =>
        {
            await LoadAsync(ct);
            return show();
        }, prefix: "Input.", fields: IndirectContactInput.FormFields, problemStatus: true);
    }

    private string BackAfterSave(Guid id) => User.Scope().IsPortalUser ? CarerLinks.Child(id) + "#log" : CarerLinks.StaffLog(id);

    private async Task LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.PreferredName ?? child.FirstName;
        People = (await log.PeopleAsync(child.ChildId, ct))
            .Select(p => new SelectListItem($"{p.Name} ({p.Relationship.ToLowerInvariant()})", p.Id.ToString()))
            .Append(new SelectListItem("Someone else, or I don’t know who", IndirectContactInput.SomeoneElseValue))
            .ToList();
    }
}

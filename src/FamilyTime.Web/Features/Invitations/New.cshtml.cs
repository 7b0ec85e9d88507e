using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>Invite someone to their own account (/Children/{id}/Invitations/New): who, and by e-mail or text.</summary>
[ForChild(ChildOperation.EditChild)]
public sealed class NewModel(InvitationList list, SendInvitation send) : PageModel
{
    public const string Carer = "carer";
    public const string YoungPerson = "young-person";

    public ChildContext Child { get; private set; } = null!;
    public ChildInvitations Data { get; private set; } = null!;

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>The person to invite, from a link on the child's page (?personId=…).</summary>
    public async Task OnGetAsync(Guid? personId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (personId is { } id && Data.People.FirstOrDefault(p => p.Id == id) is { } person)
        {
            Input.Who = id.ToString();
            Input.Channel = person.Email is null && person.Phone is not null ? nameof(InvitationChannel.Text) : nameof(InvitationChannel.Email);
            Input.SendTo = Input.Channel == nameof(InvitationChannel.Text) ? person.Phone : person.Email;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var (kind, personId) = Input.Who switch
        {
            Carer => (InvitationKind.Carer, (Guid?)null),
            YoungPerson => (InvitationKind.YoungPerson, null),
            _ when Guid.TryParse(Input.Who, out var id) => (InvitationKind.FamilyMember, id),
            _ => ((InvitationKind?)null, (Guid?)null),
        };
        var channel = EnumNames.Parse<InvitationChannel>(Input.Channel);
        var outcome = await send.InviteAsync(child, new InviteCommand(kind, personId, Input.Name, channel, Input.SendTo),
            Request.LinkBase(), ct);
        return await this.AnswerAsync(outcome, sent =>
        {
            TempData[nameof(IndexModel.Saved)] = $"An invitation has been sent to {sent.InviteeName} by {(sent.Channel == InvitationChannel.Email ? "e-mail" : "text")}. The link works until {InvitationWords.Date(sent.ExpiresAt)}.";
            return Redirect(AccountLinks.Invitations(child.ChildId));
        }, async show =>
        {
            await LoadAsync(ct);
            return show();
        }, "Input.", fields: Fields);
    }

    public IEnumerable<SelectListItem> WhoItems()
    {
        foreach (var p in Data.People)
        {
            yield return new SelectListItem($"{p.FullName} ({Domain.People.RelationshipRules.Describe(p.Relationship)})", p.Id.ToString());
        }
        if (Data.HasCarers)
        {
            yield return new SelectListItem($"A carer {Child.PreferredName ?? Child.FirstName} lives with", Carer);
        }
        if (!Data.YoungPersonHasAccount)
        {
            yield return new SelectListItem($"{Child.Name} themself", YoungPerson);
        }
    }

    public static IEnumerable<SelectListItem> ChannelItems() =>
        [new("By e-mail", nameof(InvitationChannel.Email)), new("By text message", nameof(InvitationChannel.Text))];

    /// <summary>The use case's field names onto this form's boxes.</summary>
    private static IReadOnlyDictionary<string, string[]> Fields(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key switch
        {
            nameof(InviteCommand.Kind) or nameof(InviteCommand.PersonId) or "PersonId" => nameof(InviteInput.Who),
            nameof(Invitation.InviteeName) => nameof(InviteInput.Name),
            nameof(Invitation.Channel) => nameof(InviteInput.Channel),
            nameof(Invitation.SentTo) => nameof(InviteInput.SendTo),
            _ => e.Key,
        }).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private async Task LoadAsync(CancellationToken ct)
    {
        Child = await HttpContext.ChildAsync();
        Data = await list.ForAsync(Child, ct);
    }
}

public sealed class InviteInput
{
    /// <summary>A significant person's id, "carer" or "young-person".</summary>
    public string? Who { get; set; }
    public string? Name { get; set; }
    public string? Channel { get; set; }
    public string? SendTo { get; set; }
}

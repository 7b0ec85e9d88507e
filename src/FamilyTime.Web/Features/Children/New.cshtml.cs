using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Children;

[StaffOnly(Roles.SocialWorker, Roles.TeamManager)]
public sealed class NewModel(ComeIntoCare handler, FormOptions options) : PageModel
{
    private const string NotInATeam = "A child is brought into care by a social worker or team manager, into their own team. Ask an administrator to put you in a team.";

    [BindProperty]
    public NewChildInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Households { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SocialWorkers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Iros { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        if (!ChildAccessRules.CanBringIntoCare(user))
        {
            return this.Refuse(NotInATeam);
        }
        Input.SocialWorkerId = user.Is(Roles.SocialWorker) ? user.UserId : null;
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = User.Scope();
        var errors = new ValidationErrors();
        var command = Input.ToCommand(errors);
        var outcome = await handler.HandleAsync(user, User.UserName(), command, ct);
        return await this.AnswerAsync(outcome, childId =>
        {
            TempData["Saved"] = $"{Input.FirstName?.Trim()} has been added. Now add the people who matter to them.";
            return Redirect(ChildLinks.Child(childId));
        }, again: async show =>
        {
            await LoadOptionsAsync(ct);
            return show();
        }, prefix: "Input.",
            // Date boxes that do not make a real date are reported instead of "enter a date".
            fields: found => errors.ByField.Select(e => KeyValuePair.Create(e.Key, new[] { e.Value[0] }))
                .Concat(found.Where(e => !errors.ByField.ContainsKey(e.Key))).ToDictionary());
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var user = User.Scope();
        Households = await options.HouseholdsAsync(user.TeamId, ct);
        SocialWorkers = await options.SocialWorkersAsync(user.TeamId, ct);
        Iros = await options.IrosAsync(ct);
    }
}

public sealed class NewChildInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? PreferredName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? FirstLanguage { get; set; }
    public string? FamilyTimeName { get; set; }
    public string? LegalStatus { get; set; }
    public DateParts LegalStatusStartDate { get; set; } = new();
    public bool InCareProceedings { get; set; }
    public string? PlacementKind { get; set; }
    public string? CarerHouseholdId { get; set; }
    public string? ResidentialHomeName { get; set; }
    public DateParts PlacementStartDate { get; set; } = new();
    public bool IsLongTerm { get; set; }
    public string? SocialWorkerId { get; set; }
    public string? IroId { get; set; }

    public ComeIntoCareCommand ToCommand(ValidationErrors dateErrors)
    {
        var dob = DateOfBirth.ToDate(nameof(DateOfBirth), "Date of birth", dateErrors);
        var legalStart = LegalStatusStartDate.ToDate(nameof(LegalStatusStartDate), "The date the legal status started", dateErrors);
        var homeStart = PlacementStartDate.ToDate(nameof(PlacementStartDate), "The date the child started living there", dateErrors);
        return new ComeIntoCareCommand(
            new ChildDetails(FirstName, LastName, PreferredName, dob, Gender, Ethnicity, FirstLanguage, FamilyTimeName),
            new LegalStatusDetails(EnumNames.Parse<LegalStatus>(LegalStatus), legalStart, InCareProceedings),
            new PlacementDetails(
                EnumNames.Parse<PlacementKind>(PlacementKind),
                Guid.TryParse(CarerHouseholdId, out var h) ? h : null,
                ResidentialHomeName, homeStart, IsLongTerm),
            SocialWorkerId, IroId);
    }
}

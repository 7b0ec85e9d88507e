using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

[ForChild(ChildOperation.EditChild)]
public sealed class EditModel(EditChild handler, ChildAccessPolicy access, FamilyTimeDbContext db) : PageModel
{
    [BindProperty]
    public EditChildInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var (level, canEdit) = await access.CheckAsync(User.Scope(), id, ct);
        if (level == ChildAccess.None)
        {
            return NotFound();
        }
        if (!canEdit)
        {
            return Forbid();
        }
        var c = await db.Children.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        Input = new EditChildInput
        {
            FirstName = c.FirstName, LastName = c.LastName, PreferredName = c.PreferredName, DateOfBirth = DateParts.From(c.DateOfBirth),
            Gender = c.Gender, Ethnicity = c.Ethnicity, FirstLanguage = c.FirstLanguage, FamilyTimeName = c.FamilyTimeName, Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var dateErrors = new ValidationErrors();
        var dob = Input.DateOfBirth.ToDate("DateOfBirth", "Date of birth", dateErrors);
        var details = new ChildDetails(Input.FirstName, Input.LastName, Input.PreferredName, dob, Input.Gender, Input.Ethnicity, Input.FirstLanguage, Input.FamilyTimeName);
        var outcome = await handler.HandleAsync(User.Scope(), User.UserName(), new EditChildCommand(id, details, Input.Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Saved"] = "The child’s details have been saved.";
                return Redirect($"/Children/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                return Page();
            default:
                ModelState.AddAll(dateErrors.IsValid ? outcome.Errors! : dateErrors.ByField.Concat(outcome.Errors!.Where(e => e.Key != "DateOfBirth")).ToDictionary());
                return Page();
        }
    }
}

public sealed class EditChildInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? PreferredName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? FirstLanguage { get; set; }
    public string? FamilyTimeName { get; set; }
    public int Version { get; set; }
}

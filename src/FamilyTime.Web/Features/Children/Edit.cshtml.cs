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
public sealed class EditModel(EditChild handler, FamilyTimeDbContext db) : PageModel
{
    [BindProperty]
    public EditChildInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Id = child.ChildId;
        // The names and date of birth are in the context; only the rest of the form is read.
        var c = await db.Children.AsNoTracking().Where(x => x.Id == child.ChildId)
            .Select(x => new { x.Gender, x.Ethnicity, x.FirstLanguage, x.Version, x.School, x.SchoolAddress })
            .FirstAsync(ct);
        Input = new EditChildInput
        {
            FirstName = child.FirstName, LastName = child.LastName, PreferredName = child.PreferredName, DateOfBirth = DateParts.From(child.DateOfBirth),
            Gender = c.Gender, Ethnicity = c.Ethnicity, FirstLanguage = c.FirstLanguage, FamilyTimeName = child.FamilyTimeName, Version = c.Version,
            School = c.School, SchoolAddress = c.SchoolAddress,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Id = child.ChildId;
        var dateErrors = new ValidationErrors();
        var dob = Input.DateOfBirth.ToDate("DateOfBirth", "Date of birth", dateErrors);
        var details = new ChildDetails(Input.FirstName, Input.LastName, Input.PreferredName, dob, Input.Gender, Input.Ethnicity, Input.FirstLanguage, Input.FamilyTimeName);
        var outcome = await handler.HandleAsync(child, new EditChildCommand(details, Input.Version, Input.School, Input.SchoolAddress), ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = "The child’s details have been saved.";
            return Redirect(ChildLinks.Child(child.ChildId));
        }, "Input.",
            // A date that is not a real date is reported as such, not as "enter a date of birth".
            fields: found => dateErrors.IsValid ? found : dateErrors.ByField.Concat(found.Where(e => e.Key != "DateOfBirth")).ToDictionary());
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
    public string? School { get; set; }
    public string? SchoolAddress { get; set; }
    public int Version { get; set; }
}

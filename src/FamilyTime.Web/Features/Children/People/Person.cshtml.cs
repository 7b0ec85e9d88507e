using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children.People;

/// <summary>Add a significant person (/Children/{id}/People/Add) or change one (/Children/{id}/People/{personId}/Edit).</summary>
[ForChild(ChildOperation.EditChild)]
public sealed class PersonModel(SavePerson handler, FamilyTimeDbContext db) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? personId, CancellationToken ct)
    {
        var id = (await PrepareAsync(personId)).ChildId;
        if (personId is { } pid)
        {
            var p = await db.SignificantPeople.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid && x.ChildId == id, ct);
            if (p is null)
            {
                return NotFound();
            }
            Input = new PersonInput
            {
                FullName = p.FullName, Relationship = p.Relationship.ToString(), HasParentalResponsibility = p.HasParentalResponsibility,
                ChildPlacedWithThem = p.ChildPlacedWithThem, Phone = p.Phone, Email = p.Email, Address = p.Address,
                SpokenLanguage = p.SpokenLanguage, NeedsInterpreter = p.NeedsInterpreter, Version = p.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? personId, CancellationToken ct)
    {
        var child = await PrepareAsync(personId);
        var details = new PersonDetails(Input.FullName, EnumNames.Parse<Relationship>(Input.Relationship),
            Input.HasParentalResponsibility, Input.ChildPlacedWithThem, Input.Address, Input.Phone, Input.Email, Input.SpokenLanguage, Input.NeedsInterpreter);
        var outcome = await handler.HandleAsync(child, new SavePersonCommand(personId, details, personId is null ? null : Input.Version), ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"{Input.FullName?.Trim()} has been saved.";
            return Redirect(ChildLinks.People(child.ChildId));
        }, "Input.");
    }

    private async Task<ChildContext> PrepareAsync(Guid? personId)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.FirstName + " " + child.LastName;
        Heading = personId is null ? "Add a person who matters to the child" : "Change a person’s details";
        return child;
    }
}

public sealed class PersonInput
{
    public string? FullName { get; set; }
    public string? Relationship { get; set; }
    public bool HasParentalResponsibility { get; set; }
    public bool ChildPlacedWithThem { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? SpokenLanguage { get; set; }
    public bool NeedsInterpreter { get; set; }
    public int Version { get; set; }
}

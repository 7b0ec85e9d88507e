using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.People;

/// <summary>Someone who matters to the child: a parent, brother or sister, grandparent, friend or former carer.</summary>
public sealed class SignificantPerson : IVersioned
{
    private SignificantPerson() { }

    internal SignificantPerson(Guid childId, PersonDetails details)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Apply(details);
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string FullName { get; private set; } = "";
    public Relationship Relationship { get; private set; }
    public bool HasParentalResponsibility { get; private set; }
    public bool ChildPlacedWithThem { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? SpokenLanguage { get; private set; }
    public bool NeedsInterpreter { get; private set; }

    /// <summary>When a brother or sister is also a child the service works with, their record.</summary>
    public Guid? SiblingChildId { get; private set; }

    /// <summary>The parent portal account of this person, if they have one.</summary>
    public string? PortalUserId { get; private set; }

    public int Version { get; set; }

    public ValidationErrors Update(PersonDetails details)
    {
        var errors = new ValidationErrors();
        details.Validate(errors);
        if (errors.IsValid)
        {
            Apply(details);
        }
        return errors;
    }

    public void LinkSibling(Guid siblingChildId) => SiblingChildId = siblingChildId;

    public void LinkPortalAccount(string userId) => PortalUserId = userId;

    private void Apply(PersonDetails d)
    {
        FullName = d.FullName!.Trim();
        Relationship = d.Relationship!.Value;
        HasParentalResponsibility = d.HasParentalResponsibility;
        ChildPlacedWithThem = d.ChildPlacedWithThem;
        Address = Text.Clean(d.Address);
        Phone = Text.Clean(d.Phone);
        Email = Text.Clean(d.Email);
        SpokenLanguage = Text.Clean(d.SpokenLanguage);
        NeedsInterpreter = d.NeedsInterpreter;
    }
}

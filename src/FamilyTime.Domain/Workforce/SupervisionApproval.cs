using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Workforce;

/// <summary>
/// A carer household, or one of the child's significant people, approved to supervise that child's family time
/// (guidance section 7): who approved it, when, and until when. An arrangement supervised by a carer or family
/// member who has no current approval shows a warning on the plan.
/// </summary>
public sealed class SupervisionApproval : IVersioned
{
    private SupervisionApproval() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The carer household approved, or null when a significant person is.</summary>
    public Guid? CarerHouseholdId { get; private set; }

    /// <summary>The significant person (of this child) approved, or null when a carer household is.</summary>
    public Guid? PersonId { get; private set; }
    public string ApprovedById { get; private set; } = "";
    public string ApprovedByName { get; private set; } = "";
    public DateOnly ApprovedOn { get; private set; }

    /// <summary>The last day the approval holds; null until withdrawn.</summary>
    public DateOnly? Until { get; private set; }
    public string? Notes { get; private set; }
    public int Version { get; set; }

    public bool IsCurrent(DateOnly today) => ApprovedOn <= today && (Until is null || today <= Until);

    /// <summary>A new approval of exactly one carer household or one person, from today; an end date, if given, not before today.</summary>
    public static (SupervisionApproval? Approval, ValidationErrors Errors) Create(Guid childId, Guid? carerHouseholdId, Guid? personId,
        DateOnly? until, string? notes, string byId, string byName, DateOnly today)
    {
        var errors = new ValidationErrors();
        if ((carerHouseholdId is null) == (personId is null))
        {
            errors.Add("Who", "Choose the carers or the person approved to supervise");
        }
        if (until is { } u && u < today)
        {
            errors.Add("Until", "The approval must last until today or later");
        }
        errors.MaxLength("Notes", notes, 1000, "Notes");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new SupervisionApproval
        {
            Id = Guid.NewGuid(), ChildId = childId, CarerHouseholdId = carerHouseholdId, PersonId = personId, Until = until,
            Notes = Text.Clean(notes), ApprovedById = byId, ApprovedByName = byName, ApprovedOn = today,
        }, errors);
    }

    /// <summary>Ends the approval: it held until yesterday (or today, if approved today).</summary>
    public void Withdraw(DateOnly today) => Until = today > ApprovedOn ? today.AddDays(-1) : today;

    /// <summary>
    /// Why an arrangement supervised by a carer or a family member needs a look, or null: its carer household (the
    /// child's current home) or a person of the arrangement named as supervisor has no current approval. The name on
    /// the arrangement is free text, so a family member counts as approved when an approved person of the arrangement
    /// has that name, or when the arrangement's only approved person stands for it.
    /// </summary>
    public static string? Warning(Arrangement arrangement, Guid? currentHouseholdId, IReadOnlyDictionary<Guid, string> personNames,
        IEnumerable<SupervisionApproval> approvals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(personNames);
        ArgumentNullException.ThrowIfNull(approvals);
        if (arrangement.Type == ArrangementType.Unsupervised || arrangement.SupervisedBy == SupervisedBy.Worker)
        {
            return null;
        }
        var current = approvals.Where(a => a.ChildId == arrangement.ChildId && a.IsCurrent(today)).ToList();
        var who = arrangement.SupervisorName ?? (arrangement.SupervisedBy == SupervisedBy.Carer ? "The carers" : "The family member");
        if (arrangement.SupervisedBy == SupervisedBy.Carer)
        {
            return currentHouseholdId is { } h && current.Any(a => a.CarerHouseholdId == h)
                ? null
                : $"{who} (the child's carers) are not approved to supervise family time. Record the approval, or choose a worker.";
        }
        var approvedNames = current.Where(a => a.PersonId is { } p && personNames.ContainsKey(p)).Select(a => personNames[a.PersonId!.Value]).ToList();
        var named = arrangement.SupervisorName is { } n && approvedNames.Any(a => string.Equals(a.Trim(), n.Trim(), StringComparison.OrdinalIgnoreCase));
        return named || (arrangement.SupervisorName is null && approvedNames.Count > 0)
            ? null
            : $"{who} is not approved to supervise family time. Record the approval, or choose a worker.";
    }
}

using FamilyTime.Domain.Analysis;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Wellbeing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FamilyTime.Data.Protection;

/// <summary>
/// The one list of columns stored encrypted, so that a copy of the database alone shows no one where a child lives,
/// how to reach their family, or what was seen at family time. An encrypted column can be read and written, never
/// searched, sorted or compared in SQL (the same words encrypt differently each time): a query on one must load the
/// values and look at them in memory. Names stay plain (lists sort and search by them), as do staff accounts' user
/// names and e-mail addresses (Identity finds accounts by them) and venues' addresses (public places).
/// </summary>
public static class SensitiveFields
{
    public static readonly IReadOnlyList<(Type Entity, string[] Properties)> All =
    [
        // Where the child lives: the carers' household.
        (typeof(CarerHousehold), [nameof(CarerHousehold.Address), nameof(CarerHousehold.Postcode)]),
        (typeof(Child), [nameof(Child.SchoolAddress)]),
        // How to reach the people who matter to the child.
        (typeof(SignificantPerson), [nameof(SignificantPerson.Address), nameof(SignificantPerson.Phone), nameof(SignificantPerson.Email)]),
        // What was seen at a session, in every version.
        (typeof(RecordVersion), [nameof(RecordVersion.WhoAttended), nameof(RecordVersion.Interaction), nameof(RecordVersion.Positives),
            nameof(RecordVersion.Concerns), nameof(RecordVersion.ChildsWords), nameof(RecordVersion.EndedEarlyReason), nameof(RecordVersion.Debrief),
            nameof(RecordVersion.Analysis), nameof(RecordVersion.AssessedAttunement), nameof(RecordVersion.AssessedBoundaries),
            nameof(RecordVersion.AssessedSafety), nameof(RecordVersion.AssessedWarmth), nameof(RecordVersion.CorrectionReason)]),
        (typeof(Assessment), [nameof(Assessment.Text)]),
        (typeof(CarerObservation), [nameof(CarerObservation.Words)]),
        // Authenticator keys and recovery codes: with them a copy could pass a second factor.
        (typeof(IdentityUserToken<string>), [nameof(IdentityUserToken<string>.Value)]),
    ];

    /// <summary>Whether an entity type has a sensitive column.</summary>
    public static bool Holds(Type entity) => All.Any(f => f.Entity == entity);

    /// <summary>
    /// Marks every sensitive column unbounded (ciphertext is several times longer than its words; the domain keeps
    /// its own limits) and, given a protector, encrypts it. The lengths do not depend on the protector, so the
    /// design-time model (no protector) and the running one have the same schema.
    /// </summary>
    public static void Apply(ModelBuilder builder, IFieldProtector? protector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var converter = protector is null ? null : new ProtectedFieldConverter(protector);
        foreach (var property in Properties(builder.Model))
        {
            property.SetMaxLength(null);
            if (converter is not null)
            {
                property.SetValueConverter(converter);
            }
        }
    }

    /// <summary>The sensitive properties of a model (each one's table and column come from it).</summary>
    public static IEnumerable<IMutableProperty> Properties(IMutableModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (type, names) in All)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            foreach (var name in names)
            {
                yield return entity.FindProperty(name) ?? throw new InvalidOperationException($"{type.Name}.{name} is not in the model.");
            }
        }
    }

    /// <summary>The same, read from a finished model.</summary>
    public static IEnumerable<IProperty> Properties(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (type, names) in All)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            foreach (var name in names)
            {
                yield return entity.FindProperty(name) ?? throw new InvalidOperationException($"{type.Name}.{name} is not in the model.");
            }
        }
    }
}

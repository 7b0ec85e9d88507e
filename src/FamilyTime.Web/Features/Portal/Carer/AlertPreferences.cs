using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Carers;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>A carer's alert choices as the page and the API send them.</summary>
public sealed class AlertChoices
{
    public bool ByEmail { get; set; }
    public bool ByText { get; set; }
    public bool PhoneBeforeEarlyReturn { get; set; }
}

/// <summary>What the carer has chosen, and where messages go (their own e-mail and phone, which they can see).</summary>
public sealed record AlertPreferencesView(bool ByEmail, bool ByText, bool PhoneBeforeEarlyReturn, string? Email, string? Phone, bool Chosen);

/// <summary>Reads and saves how one carer wants to hear about changes; each carer chooses for themselves.</summary>
public sealed class AlertPreferences(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<AlertPreferencesView?> ReadAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Scope.Is(Roles.Carer))
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.Email, u.PhoneNumber, Preferences = db.CarerAlertPreferences.Where(p => p.UserId == u.Id).FirstOrDefault() })
            .FirstAsync(ct);
        var p = user.Preferences ?? CarerAlertPreferences.Default(actor.UserId);
        return new AlertPreferencesView(p.ByEmail, p.ByText, p.PhoneBeforeEarlyReturn, user.Email, user.PhoneNumber, user.Preferences is not null);
    }

    public async Task<Outcome<AlertPreferencesView>> SaveAsync(Actor actor, AlertChoices choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(choices);
        if (!actor.Scope.Is(Roles.Carer))
        {
            return Outcome<AlertPreferencesView>.NotFound();
        }
        var phone = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.PhoneNumber).FirstAsync(ct);
        var (chosen, errors) = CarerAlertPreferences.Choose(actor.UserId, choices.ByEmail, choices.ByText, choices.PhoneBeforeEarlyReturn,
            !string.IsNullOrWhiteSpace(phone), clock.GetUtcNow().UtcDateTime);
        if (!errors.IsValid)
        {
            return Outcome<AlertPreferencesView>.Invalid(errors);
        }
        var row = await db.CarerAlertPreferences.FirstOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        if (row is null)
        {
            db.CarerAlertPreferences.Add(chosen!);
        }
        else
        {
            row.Take(chosen!);
        }
        // No child's record is touched; the audit says who changed their own alert choices.
        var saved = await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Update, AuditRecord.CarerAlertPreferences, Guid.Empty, null)], true, ct);
        if (saved.Kind != OutcomeKind.Ok)
        {
            // Two saves of a first choice at once: the key keeps one row; saving again takes this choice.
            return new Outcome<AlertPreferencesView>(saved.Kind, null, saved.Errors, saved.Message);
        }
        return Outcome<AlertPreferencesView>.Ok((await ReadAsync(actor, ct))!);
    }
}

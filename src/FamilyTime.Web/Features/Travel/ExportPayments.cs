using System.Globalization;
using CsvHelper;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>A payment run's file: its id, when it was made, how many claims it pays, and the CSV itself.</summary>
public sealed record PaymentFile(Guid RunId, DateTime ExportedAt, int Claims, byte[] Csv)
{
    public string FileName => $"travel-payments-{ExportedAt:yyyy-MM-dd-HHmm}.csv";
}

/// <summary>
/// Exports the approved claims of a team manager's children as CSV for payment, and marks them paid in that run,
/// in the same save: a second export never pays a claim twice, and two managers exporting at once meet the
/// claims' version check (one run wins, the other is asked to look again). A past run can be downloaded again as it was.
/// </summary>
public sealed class ExportPayments(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit, TimeProvider clock)
{
    public const string NothingToPay = "There are no approved claims waiting for payment. Claims already exported are in the payment runs listed below.";

    public async Task<Outcome<PaymentFile>> NewRunAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var children = access.Reachable(actor.Scope, ChildOperation.ApproveTravel).Select(c => c.Id);
        var claims = await db.TravelClaims
            .Where(c => c.State == TravelClaimState.Approved && c.PaymentRunId == null && children.Contains(c.ChildId))
            .OrderBy(c => c.DecidedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        if (claims.Count == 0)
        {
            return Outcome<PaymentFile>.Invalid("", NothingToPay);
        }
        var run = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var claim in claims)
        {
            claim.MarkPaid(run, now);
        }
        var file = new PaymentFile(run, now, claims.Count, await CsvAsync(claims, ct));
        return await audit.SaveOutcomeAsync(actor,
            claims.Select(c => new AuditNote(AuditAction.Update, AuditRecord.TravelClaim, c.Id, c.ChildId, $"exported in payment run {run}")).ToList(), file, ct);
    }

    /// <summary>A past run again, exactly the claims it paid, marking nothing.</summary>
    public async Task<Outcome<PaymentFile>> RunAsync(Actor actor, Guid runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var children = access.Reachable(actor.Scope, ChildOperation.ApproveTravel).Select(c => c.Id);
        var claims = await db.TravelClaims.AsNoTracking()
            .Where(c => c.PaymentRunId == runId && children.Contains(c.ChildId))
            .OrderBy(c => c.DecidedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return claims.Count == 0
            ? Outcome<PaymentFile>.NotFound()
            : Outcome<PaymentFile>.Ok(new PaymentFile(runId, claims.Min(c => c.ExportedAt!.Value), claims.Count, await CsvAsync(claims, ct)));
    }

    private async Task<byte[]> CsvAsync(IReadOnlyList<TravelClaim> claims, CancellationToken ct)
    {
        var ids = claims.Select(c => c.ClaimantUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        using var stream = new MemoryStream();
        // Escape: a cell a claimant typed that starts with = + - @ (or tab/CR) gets a leading ' so a spreadsheet shows
        // it as text instead of running it as a formula (CSV injection).
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(["Payment run", "Claim", "Paid to", "Claim for", "Family time on", "From", "To", "How", "Miles", "Amount (£)", "Approved by", "Approved on"]);
            foreach (var c in claims)
            {
                csv.WriteRecord([
                    c.PaymentRunId?.ToString(), c.Id.ToString(), names.GetValueOrDefault(c.ClaimantUserId, ""),
                    c.Claimant == Claimant.StaffMileage ? "Staff mileage" : "Family travel",
                    c.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.From, c.To, TravelWords.Mode(c.Mode),
                    c.Miles?.ToString("0.0", CultureInfo.InvariantCulture), (c.AmountPence / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    c.DecidedByName, c.DecidedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ]);
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}

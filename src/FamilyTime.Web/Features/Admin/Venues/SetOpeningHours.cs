using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>The week's opening hours (a day not listed is closed), from the version the editor started from.</summary>
public sealed record SetOpeningHoursCommand(Guid VenueId, IReadOnlyList<OpeningHours> Hours, int? Version);

public sealed class SetOpeningHours(VenueEditing editing)
{
    public async Task<Outcome<VenueChanged>> HandleAsync(UserScope user, string userName, SetOpeningHoursCommand cmd, CancellationToken ct)
    {
        var (venue, refused, message) = await editing.OpenAsync(user, cmd.VenueId, cmd.Version, ct);
        if (refused is { } kind)
        {
            return VenueEditing.Refusal<VenueChanged>(kind, message);
        }
        var before = Describe(venue!.OpeningHours);
        var errors = venue.SetOpeningHours(cmd.Hours);
        if (!errors.IsValid)
        {
            return Outcome<VenueChanged>.Invalid(errors);
        }
        var after = Describe(venue.OpeningHours);
        if (before == after)
        {
            return Outcome<VenueChanged>.Ok(new VenueChanged(venue.Id, venue.Version));
        }
        return await editing.SaveAsync(user, userName, venue, new() { ["Opening hours"] = [before, after] }, ct);
    }

    private static string Describe(IReadOnlyList<OpeningHours> hours) => hours.Count == 0
        ? "Closed every day"
        : string.Join("; ", hours.Select(h => $"{VenueWords.Day(h.Day)} {VenueWords.Time(h.Opens)} to {VenueWords.Time(h.Closes)}"));
}

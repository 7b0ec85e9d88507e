namespace FamilyTime.IntegrationTests.Rota;

/// <summary>The rota tests' world: North made ready (<see cref="RotaTestData"/>) and a week of each test's own.</summary>
internal static class RotaWorld
{
    public static Task<Guid> PrepareAsync(FamilyTimeFactory app) => app.DbAsync(RotaTestData.PrepareNorthAsync);

    /// <summary>A week (Monday) some weeks after the tests' clock, so each test has a week of its own.</summary>
    public static DateOnly Week(FamilyTimeFactory app, int weeksAhead) =>
        Domain.Rota.RotaWeek.MondayOf(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)).AddDays(7 * weeksAhead);
}

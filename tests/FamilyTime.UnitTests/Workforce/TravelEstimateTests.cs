using FamilyTime.Domain.Workforce;

namespace FamilyTime.UnitTests.Workforce;

public class TravelEstimateTests
{
    [Theory]
    [InlineData("LS6 2AB", "LS6 4QT", 10)]
    [InlineData("LS6 2AB", "LS11 5DJ", 25)]
    [InlineData("LS6 2AB", "BD1 1AA", 45)]
    [InlineData("ls6 2ab", "LS6 2AB", 0)]
    [InlineData("LS6", "LS6 4QT", 10)]
    public void Travel_is_estimated_from_postcode_districts_same_district_10_same_area_25_else_45(string from, string to, int minutes) =>
        Assert.Equal(minutes, TravelEstimate.Minutes(from, to));

    [Theory]
    [InlineData(null, "LS6 2AB")]
    [InlineData("", "LS6 2AB")]
    [InlineData("not a postcode", "LS6 2AB")]
    public void A_missing_or_unreadable_postcode_is_taken_as_far_away_never_as_near(string? from, string to) =>
        Assert.Equal(TravelEstimate.Elsewhere, TravelEstimate.Minutes(from, to));

    [Theory]
    [InlineData("M1 1AE", "M1")]
    [InlineData("SW1A 1AA", "SW1A")]
    [InlineData("B33 8TH", "B33")]
    public void The_district_is_the_outward_code(string postcode, string district) =>
        Assert.Equal(district, TravelEstimate.District(postcode));
}

namespace FamilyTime.IntegrationTests;

/// <summary>Request bodies for the API tests: a valid child coming into care, to be spoiled one field at a time.</summary>
public static class ApiInput
{
    public static Dictionary<string, object?> NewChild(Guid householdId, string firstName = "Amelia") => new()
    {
        ["firstName"] = firstName,
        ["lastName"] = "Okonkwo-Test",
        ["dateOfBirth"] = "2019-04-12",
        ["gender"] = "Female",
        ["firstLanguage"] = "English",
        ["familyTimeName"] = "seeing Mum",
        ["legalStatus"] = "InterimCareOrder",
        ["legalStatusStartDate"] = "2026-11-02",
        ["inCareProceedings"] = true,
        ["placement"] = new Dictionary<string, object?>
        {
            ["kind"] = "CarerHousehold",
            ["carerHouseholdId"] = householdId,
            ["startDate"] = "2026-11-02",
            ["isLongTerm"] = false,
        },
    };

    public static Dictionary<string, object?> Mother(string name = "Joanne Okonkwo") => new()
    {
        ["fullName"] = name,
        ["relationship"] = "Mother",
        ["hasParentalResponsibility"] = true,
        ["phone"] = "07700 900982",
        ["spokenLanguage"] = "English",
    };

    /// <summary>Weekly supervised family time with one person on one day at 10:00 for 90 minutes in a given room,
    /// reviewed every three months (the arrangement the booking tests plan around).</summary>
    public static Dictionary<string, object?> WeeklySupervised(Guid personId, DayOfWeek day, DateOnly firstDate, Guid venueId, Guid roomId) => new()
    {
        ["personIds"] = new[] { personId },
        ["purposes"] = new[] { "Attachment" },
        ["type"] = "Supervised",
        ["reasonForSupervision"] = "The court has directed observed family time during the parenting assessment.",
        ["form"] = "FaceToFace",
        ["frequency"] = "Weekly",
        ["days"] = new[] { day.ToString() },
        ["firstDate"] = firstDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["startTime"] = "10:00",
        ["durationMinutes"] = 90,
        ["venueId"] = venueId,
        ["roomId"] = roomId,
        ["reviewEveryMonths"] = 3,
    };
}

using System.Globalization;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// What every arrangement now carries (issue 10): the child's words, and for supervised or assessed family time
/// what would need to change and by when. Tests about something else add these so their arrangements are valid.
/// </summary>
public static class ArrangementMusts
{
    public const string Wishes = "I want to see Mum and play games with her.";
    public const string Route = "When Mum has kept to the agreement at every session for three months, family time can be supported rather than watched.";

    public static Dictionary<string, object?> With(Dictionary<string, object?> body, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(body);
        body["childsWishes"] = Wishes;
        body["routeToLessSupervision"] = Route;
        body["routeToLessSupervisionBy"] = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return body;
    }
}

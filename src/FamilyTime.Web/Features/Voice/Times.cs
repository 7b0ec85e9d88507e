namespace FamilyTime.Web.Features.Voice;

/// <summary>Times said the way people say them: "10am", "2:30pm".</summary>
public static class Times
{
    public static string Say(TimeOnly t)
    {
        var hour = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        var ampm = t.Hour < 12 ? "am" : "pm";
        return t.Minute == 0 ? $"{hour}{ampm}" : $"{hour}:{t.Minute:00}{ampm}";
    }
}

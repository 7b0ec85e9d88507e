using System.Reflection;
using System.Runtime.ExceptionServices;
using FamilyTime.Domain.Calendars;
using FamilyTime.Web.Features.Calendar;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// The calendar feed's address, GET /calendar/{token}.ics: the one way in that needs no sign-in. Whatever the
/// {token} segment holds is first checked for the token's shape (<c>CalendarFeeds.LooksLikeToken</c>) and, when it
/// passes, hashed for the database look-up (<see cref="CalendarFeed.HashOf"/>). Refusal allowed: "not a token".
/// </summary>
internal static class CalendarToken
{
    private static readonly MethodInfo LooksLikeToken = typeof(CalendarFeeds).GetMethod("LooksLikeToken", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("CalendarFeeds.LooksLikeToken has moved: update the calendar-token target.");

    public static void Run(byte[] data)
    {
        var token = FuzzTargets.Text(data);
        bool looksRight;
        try
        {
            looksRight = (bool)LooksLikeToken.Invoke(null, [token])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        if (looksRight && CalendarFeed.HashOf(token).Length != 64)
        {
            throw new InvalidOperationException("A token's hash is not 64 hex digits.");
        }
    }
}

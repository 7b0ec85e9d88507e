using System.Reflection;
using System.Runtime.ExceptionServices;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Travel;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Features.Feedback;
using FamilyTime.Web.Features.Travel;
using FamilyTime.Web.Infrastructure;
using VenueTime = FamilyTime.Web.Features.Admin.Venues.TimeText;
using SessionTime = FamilyTime.Web.Features.SessionActions.TimeText;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// The other typed fields of forms and query strings, each given the whole input: times of day as people type them
/// (venue opening hours "9am", a session's "10.30", the API plan's "HH:mm"), a travel claim's amount in pounds
/// (<see cref="TravelClaim.ParsePounds"/>) and choices sent as names (<see cref="EnumNames"/>, the travel mode, the
/// feedback kind). Refusal allowed: a validation error or a null.
/// </summary>
internal static class FormFields
{
    private static readonly MethodInfo PlanTime = typeof(FamilyTime.Web.Api.PlanEndpoints).GetMethod("ReadTime", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("PlanEndpoints.ReadTime has moved: update the form-fields target.");

    public static void Run(byte[] data)
    {
        var text = FuzzTargets.Text(data);
        var errors = new ValidationErrors();
        _ = VenueTime.Parse(text);
        _ = SessionTime.Parse(text, "Time", "The time", errors);
        try
        {
            PlanTime.Invoke(null, [text, errors]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
        if (TravelClaim.ParsePounds(text, new ValidationErrors()) is { } pence && pence <= 0)
        {
            throw new InvalidOperationException($"ParsePounds took {pence} pence.");
        }
        _ = EnumNames.Parse<FeelingFace>(text);
        _ = TravelWords.ParseMode(text);
        _ = new FeedbackInput { Kind = text }.KindValue;
    }
}

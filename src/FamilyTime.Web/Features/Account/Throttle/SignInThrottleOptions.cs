namespace FamilyTime.Web.Features.Account.Throttle;

/// <summary>
/// The two numbers of <see cref="SignInThrottle"/> a council may want to change, read from <c>Security:</c>; a value
/// below 1 stops the service starting rather than turning the throttle off.
/// </summary>
public sealed record SignInThrottleOptions(int FailuresBeforeWait, int AccountFailuresPerHour)
{
    public const string FailuresBeforeWaitSetting = "Security:SignInFailuresBeforeWait";
    public const string AccountFailuresPerHourSetting = "Security:SignInAccountFailuresPerHour";

    public static SignInThrottleOptions From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SignInThrottleOptions(Positive(config, FailuresBeforeWaitSetting, 5), Positive(config, AccountFailuresPerHourSetting, 100));
    }

    private static int Positive(IConfiguration config, string key, int otherwise)
    {
        var value = config.GetValue(key, otherwise);
        return value >= 1 ? value : throw new InvalidOperationException($"{key} must be 1 or more, not {value}.");
    }
}

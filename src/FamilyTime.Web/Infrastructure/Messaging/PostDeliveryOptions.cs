using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// "Notifications:Post": letters to post are kept in the outbox to print (the default) or sent to GOV.UK Notify's
/// precompiled-letter API, which prints and posts the PDF.
/// </summary>
public sealed class PostDeliveryOptions
{
    public const string Section = "Notifications:Post";
    public const string Outbox = "Outbox";
    public const string NotifyMode = "Notify";

    public string Mode { get; set; } = Outbox;

    /// <summary>The Notify service's key (no template: the letter is the PDF) and, for receipts, its callback token.</summary>
    public NotifySettings Notify { get; set; } = new();

    /// <summary>"second" (Notify's default), "first" or "economy".</summary>
    public string Postage { get; set; } = "second";

    public bool Sends => string.Equals(Mode, NotifyMode, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Refuses to start with half a Notify letters setting, naming what to fix, as e-mail and texts do.</summary>
public sealed class PostDeliveryValidation : IValidateOptions<PostDeliveryOptions>
{
    public static readonly string[] Postages = ["first", "second", "economy"];

    public ValidateOptionsResult Validate(string? name, PostDeliveryOptions options)
    {
        const string s = PostDeliveryOptions.Section;
        if (!string.Equals(options.Mode, PostDeliveryOptions.Outbox, StringComparison.OrdinalIgnoreCase) && !options.Sends)
        {
            return ValidateOptionsResult.Fail($"{s}:Mode must be Outbox or Notify, not '{options.Mode}'.");
        }
        if (!options.Sends)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = EmailDeliveryValidation.NotifyProblems(options.Notify, s, needsTemplate: false);
        if (!Postages.Contains(options.Postage, StringComparer.Ordinal))
        {
            errors.Add($"{s}:Postage must be first, second or economy, not '{options.Postage}'.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

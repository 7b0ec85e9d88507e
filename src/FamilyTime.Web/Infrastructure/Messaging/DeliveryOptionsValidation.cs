using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// Refuses to start with half a mail or Notify configuration, naming the setting to fix: otherwise every message
/// would quietly pile up as failed, and a worker would think a parent had been told when they had not.
/// </summary>
public sealed class EmailDeliveryValidation : IValidateOptions<EmailDeliveryOptions>
{
    /// <summary>
    /// What is missing or wrong in a channel's Notify settings (<paramref name="s"/> is the channel's section); letters
    /// need no template, their PDF being the whole letter.
    /// </summary>
    public static List<string> NotifyProblems(NotifySettings notify, string s, bool needsTemplate = true)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(notify.ApiKey))
        {
            errors.Add($"{s}:Notify:ApiKey is required when {s}:Mode is Notify.");
        }
        else if (!NotifyApiKey.TryParse(notify.ApiKey, out _))
        {
            // The key itself is a secret: the message says what shape it should have, never what it is.
            errors.Add($"{s}:Notify:ApiKey is not a GOV.UK Notify API key: expected '{{key name}}-{{service id}}-{{secret key}}'.");
        }
        if (needsTemplate && (string.IsNullOrWhiteSpace(notify.TemplateId) || !Guid.TryParse(notify.TemplateId, out _)))
        {
            errors.Add($"{s}:Notify:TemplateId is required when {s}:Mode is Notify, as the template's ID.");
        }
        if (!Uri.TryCreate(notify.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add($"{s}:Notify:BaseUrl must be an absolute web address, not '{notify.BaseUrl}'.");
        }
        return errors;
    }

    public ValidateOptionsResult Validate(string? name, EmailDeliveryOptions options)
    {
        const string s = EmailDeliveryOptions.Section;
        if (!string.Equals(options.Mode, EmailDeliveryOptions.Outbox, StringComparison.OrdinalIgnoreCase) && !options.Sends)
        {
            return ValidateOptionsResult.Fail($"{s}:Mode must be Outbox, Smtp or Notify, not '{options.Mode}'.");
        }
        if (!options.Sends)
        {
            return ValidateOptionsResult.Success;
        }
        if (options.ViaNotify)
        {
            var notify = NotifyProblems(options.Notify, s);
            return notify.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(notify);
        }
        var smtp = options.Smtp;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            errors.Add($"{s}:Smtp:Host is required when {s}:Mode is Smtp.");
        }
        if (smtp.Port is < 1 or > 65535)
        {
            errors.Add($"{s}:Smtp:Port must be between 1 and 65535, not {smtp.Port}.");
        }
        if (!new[] { SmtpSettings.StartTls, SmtpSettings.SslOnConnect, SmtpSettings.None }.Contains(smtp.Security, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{s}:Smtp:Security must be StartTls, SslOnConnect or None, not '{smtp.Security}'.");
        }
        if (string.IsNullOrWhiteSpace(smtp.FromAddress) || !MimeKit.MailboxAddress.TryParse(smtp.FromAddress, out _))
        {
            errors.Add($"{s}:Smtp:FromAddress is required when {s}:Mode is Smtp, as an e-mail address.");
        }
        errors.AddRange(SmtpSignInValidation.Problems(smtp, s));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

public sealed class SmsDeliveryValidation : IValidateOptions<SmsDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsDeliveryOptions options)
    {
        const string s = SmsDeliveryOptions.Section;
        if (!string.Equals(options.Mode, SmsDeliveryOptions.Outbox, StringComparison.OrdinalIgnoreCase) && !options.Sends)
        {
            return ValidateOptionsResult.Fail($"{s}:Mode must be Outbox or Notify, not '{options.Mode}'.");
        }
        if (!options.Sends)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = EmailDeliveryValidation.NotifyProblems(options.Notify, s);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

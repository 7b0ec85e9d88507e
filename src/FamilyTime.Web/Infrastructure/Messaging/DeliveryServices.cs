using FamilyTime.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Infrastructure.Messaging;

public static class DeliveryServices
{
    /// <summary>
    /// Delivery of what the outbox holds. One sender per channel, chosen by the deployment's settings: the outbox unless a mail server or GOV.UK Notify
    /// is configured. The settings are checked when the service starts, not when the first message fails.
    /// </summary>
    public static IServiceCollection AddMessageSenders(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EmailDeliveryOptions>().Bind(config.GetSection(EmailDeliveryOptions.Section)).ValidateOnStart();
        services.AddOptions<SmsDeliveryOptions>().Bind(config.GetSection(SmsDeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailDeliveryOptions>, EmailDeliveryValidation>();
        services.AddSingleton<IValidateOptions<SmsDeliveryOptions>, SmsDeliveryValidation>();
        services.AddOptions<PostDeliveryOptions>().Bind(config.GetSection(PostDeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostDeliveryOptions>, PostDeliveryValidation>();
        services.AddHttpClient(NotifySender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(SmtpOAuth2Tokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        // One for the app: MSAL's token cache lives in it, so every message shares the token until it expires.
        services.AddSingleton<SmtpOAuth2Tokens>();

        // Chosen when resolved, from the validated options, so what starts is what was checked.
        services.AddScoped<IMessageSender>(sp => sp.GetRequiredService<IOptions<EmailDeliveryOptions>>().Value switch
        {
            { ViaNotify: true } email => ActivatorUtilities.CreateInstance<NotifySender>(sp, Channel.Email, email.Notify, EmailDeliveryOptions.Section),
            { Sends: true } => ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp),
            _ => new KeepInOutbox(Channel.Email),
        });
        services.AddScoped<IMessageSender>(sp => sp.GetRequiredService<IOptions<SmsDeliveryOptions>>().Value is { Sends: true } sms
            ? ActivatorUtilities.CreateInstance<NotifySender>(sp, Channel.Sms, sms.Notify, SmsDeliveryOptions.Section)
            : new KeepInOutbox(Channel.Sms));
        services.AddScoped<IMessageSender>(sp => sp.GetRequiredService<IOptions<PostDeliveryOptions>>().Value is { Sends: true }
            ? ActivatorUtilities.CreateInstance<NotifyLetterSender>(sp)
            : new KeepInOutbox(Channel.Post));
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}

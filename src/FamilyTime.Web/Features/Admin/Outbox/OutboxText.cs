using FamilyTime.Domain.Notifications;

namespace FamilyTime.Web.Features.Admin.Outbox;

/// <summary>The outbox's words for its channels and statuses, shared by the list and the message page.</summary>
public static class OutboxText
{
    public static string Channel(Channel channel) => channel switch
    {
        Domain.Notifications.Channel.Email => "E-mail",
        Domain.Notifications.Channel.Sms => "Text message",
        Domain.Notifications.Channel.Post => "Letter to post",
        _ => channel.ToString(),
    };

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Waiting to send",
        DeliveryStatus.Sent => "Sent",
        DeliveryStatus.KeptInOutbox => "Kept in outbox",
        DeliveryStatus.Failed => "Failed",
        DeliveryStatus.Delivered => "Delivered",
        _ => status.ToString(),
    };

    /// <summary>A letter Notify has printed and handed to Royal Mail is "Posted": nobody tells Notify when it arrives.</summary>
    public static string Status(DeliveryStatus status, Channel channel) =>
        status == DeliveryStatus.Delivered && channel == Domain.Notifications.Channel.Post ? "Posted" : Status(status);

    public static string TagClass(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "govuk-tag--yellow",
        DeliveryStatus.Sent => "govuk-tag--green",
        DeliveryStatus.KeptInOutbox => "govuk-tag--blue",
        DeliveryStatus.Failed => "govuk-tag--red",
        DeliveryStatus.Delivered => "govuk-tag--turquoise",
        _ => "govuk-tag--grey",
    };
}

using FamilyTime.Web.Access;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Outbox;

/// <summary>Every e-mail and text the service has sent or kept, newest first (/Admin/Outbox).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class IndexModel(OutboxLog outbox) : PageModel
{
    // Strings, read by name only: a hand-edited address with "2" or "1, 2" would otherwise pick a status no one chose.
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OutboxPage Result { get; private set; } = new([], 0, 1, 1);

    public DeliveryStatus? StatusFilter => EnumNames.Parse<DeliveryStatus>(Status);
    public Channel? ChannelFilter => EnumNames.Parse<Channel>(Channel);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await outbox.ListAsync(StatusFilter, ChannelFilter, PageNumber, ct);

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page) =>
        $"?status={Uri.EscapeDataString(StatusFilter?.ToString() ?? "")}&channel={Uri.EscapeDataString(ChannelFilter?.ToString() ?? "")}&p={page}";
}

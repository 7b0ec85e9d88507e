using FamilyTime.Domain.Access;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Outbox;

/// <summary>One outbox message with its words (/Admin/Outbox/{id}); opening it is written to the audit log.</summary>
[StaffOnly(Roles.Administrator)]
public sealed class MessageModel(OutboxLog outbox) : PageModel
{
    public OutboxMessage Message { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var message = await outbox.ReadAsync(User.Actor(), id, ct);
        if (message is null)
        {
            return NotFound();
        }
        Message = message;
        return Page();
    }
}

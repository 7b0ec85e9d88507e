using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Children;

[StaffOnly]
public sealed class IndexModel(ChildList list, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OnlyOverdue { get; set; }

    public int OverdueCount { get; private set; }
    public DateOnly Today => clock.Today();

    public ChildPage Result { get; private set; } = new([], 0, 1, PageSize);
    public string Heading { get; private set; } = "My children";
    public bool CanBringIntoCare { get; private set; }
    public int PageCount => (Result.Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        CanBringIntoCare = ChildAccessRules.CanBringIntoCare(user);
        Heading = user.Is(Roles.TeamManager) ? "Children in my team"
            : user.Is(Roles.HeadOfService) ? "Children in the service"
            : user.Is(Roles.ContactCoordinator) ? "Children in my area"
            : "My children";
        Result = await list.ShowAsync(User.Actor(), Search, PageNumber, PageSize, ct, OnlyOverdue);
        OverdueCount = OnlyOverdue ? Result.Total : (await list.ListAsync(user, null, 1, 1, ct, onlyOverdue: true)).Total;
    }

    public string AgeText(DateOnly dob)
    {
        var today = clock.Today();
        var years = today.Year - dob.Year - (dob.AddYears(today.Year - dob.Year) > today ? 1 : 0);
        if (years >= 2)
        {
            return $"{years}";
        }
        var months = (today.Year - dob.Year) * 12 + today.Month - dob.Month - (today.Day < dob.Day ? 1 : 0);
        return months == 1 ? "1 month" : $"{months} months";
    }
}

using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Wellbeing;

public sealed record ChildDriftView(Guid ChildId, IReadOnlyList<DriftLine> Lines);

/// <summary>Family time that has stopped happening, on the child's page, for those who hold the case; one line there shows it.</summary>
public sealed class ChildDriftViewComponent(DriftReader drift, FamilyTimeDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var child = await HttpContext.ChildAsync();
        if (child.ChildId != childId || !child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        var lines = await drift.ForAsync(db.Children.Where(c => c.Id == childId).Select(c => c.Id), HttpContext.RequestAborted);
        return View("/Features/Wellbeing/_ChildDrift.cshtml", new ChildDriftView(childId, lines));
    }
}

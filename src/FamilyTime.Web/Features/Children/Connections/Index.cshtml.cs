using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Children.Connections;

/// <summary>The child's connections map: who matters to them and how the plan keeps them in touch, as a picture and a table.</summary>
[ForChild(ChildOperation.ViewConnections)]
public sealed class ConnectionsModel(ConnectionsReader reader) : PageModel
{
    public ConnectionsMap Map { get; private set; } = default!;
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var map = await reader.ReadAsync(await HttpContext.ChildAsync(), ct);
        Map = map;
        Svg = map.People.Count == 0 ? "" : ConnectionsSvg.Render(map, "connections-map");
        return Page();
    }
}

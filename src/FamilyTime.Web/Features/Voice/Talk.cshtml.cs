using FamilyTime.Domain.Access;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Voice;

/// <summary>
/// "I want to talk to someone": a short form, then a kind answer saying who will be in touch, the service's number and
/// Childline. The form carries its own request key, so sending it twice asks once.
/// </summary>
[ForChild(ChildOperation.SpeakForSelf)]
public sealed class TalkModel(AskToTalk ask) : PageModel
{
    public sealed class TalkInput
    {
        public Guid RequestKey { get; set; }
        public TalkTo? Who { get; set; }
        public string? Words { get; set; }
    }

    [BindProperty]
    public TalkInput Input { get; set; } = new();

    public TalkAsked? Asked { get; private set; }

    public static IReadOnlyList<SelectListItem> Choices { get; } = Enum.GetValues<TalkTo>()
        .Select(t => new SelectListItem(Capitalise(TalkRequest.Describe(t)), t.ToString())).ToList();

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public void OnGet() => Input = new TalkInput { RequestKey = Guid.NewGuid(), Who = TalkTo.SocialWorker };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await ask.AskAsync(await HttpContext.ChildAsync(), Input.RequestKey, Input.Who, Input.Words, ct);
        return this.Answer(outcome, asked =>
        {
            // The answer is shown straight away (no redirect): if they go back and send again, the key makes it the same request.
            Asked = asked;
            return Page();
        }, prefix: "Input.");
    }
}

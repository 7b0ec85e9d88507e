using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Voice;

namespace FamilyTime.Web.Api;

/// <summary>What family time is called; empty or null goes back to "family time".</summary>
public sealed record FamilyTimeNameRequest(string? Name);

/// <summary>How a held session felt: face one of VerySad, Sad, Okay, Happy, VeryHappy; words optional (up to 500).</summary>
public sealed record FeelingRequest(string? Face, string? Words);

/// <summary>Who they want to see: ids from "people" in GET /api/v1/voice, and/or their own words; notWantToSee optional.</summary>
public sealed record WishesRequest(IReadOnlyList<Guid>? WantToSee, string? InTheirWords, string? NotWantToSee);

/// <summary>
/// Asking to talk: who is one of SocialWorker, IndependentVisitorOrAdvocate, SomeoneElse. requestKey: send the same one
/// when retrying, and it is the same request; without one, a second ask within 30 minutes joins the first task.
/// </summary>
public sealed record TalkRequestBody(Guid? RequestKey, string? Who, string? Words);

public sealed record VoicePerson(Guid Id, string Name);

public sealed record MyVoiceDto(Guid ChildId, string Name, string FamilyTimeName, string SocialWorker, NextFamilyTime? Next,
    IReadOnlyList<HeldSession> Held, IReadOnlyList<VoicePerson> People);

public sealed record TalkAskedDto(Guid Id, string Who, string WhoWillBeInTouch, string? Phone, string Childline, bool Repeated);

/// <summary>A young person's own voice (issue 11, item 6): the same rules as their portal pages.</summary>
public static class VoiceEndpoints
{
    public static void MapVoiceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/voice", Mine).PortalOnly().WithTags("Young person")
            .WithSummary("A young person's own family time: their next family time (when, who with, where), the sessions held lately with the face they gave, and the people they may choose to see. 404 for anyone without their own account.");
        var group = api.MapGroup("/children/{id:guid}/voice").WithTags("Young person");
        group.MapPost("/family-time-name", Name).ForChild(ChildOperation.SpeakForSelf)
            .WithSummary("Says what family time is called; the social worker sees the change and who made it.").ProducesValidationProblem();
        group.MapPost("/sessions/{sessionId:guid}/feeling", Feeling).ForChild(ChildOperation.SpeakForSelf)
            .WithSummary("Says how a held session of their own felt; saying it again keeps the earlier one as a version. The social worker is told.").ProducesValidationProblem();
        group.MapPost("/wishes", Wishes).ForChild(ChildOperation.SpeakForSelf)
            .WithSummary("Says who they want to see (and anyone they don't), for the social worker to consider with the plan.").ProducesValidationProblem();
        group.MapPost("/talk", Talk).ForChild(ChildOperation.SpeakForSelf)
            .WithSummary("Asks to talk to someone: an urgent task due today for the social worker. The same requestKey sent again is the same request.").ProducesValidationProblem();
    }

    private static async Task<IResult> Mine(ClaimsPrincipal user, MyFamilyTime mine, ChildContextLoader children, CancellationToken ct)
    {
        var actor = user.Actor();
        var own = await mine.OwnChildAsync(actor.Scope, ct);
        var child = own is { } id ? await children.LoadAsync(actor, id, ct) : null;
        if (child is null || !child.Can(ChildOperation.SpeakForSelf))
        {
            return ApiResults.NotFound();
        }
        var view = await mine.ForAsync(child, ct);
        var people = await mine.PeopleAsync(child.ChildId, ct);
        return TypedResults.Ok(new MyVoiceDto(view.ChildId, view.Name, view.FamilyTimeName, view.SocialWorker, view.Next, view.Held,
            people.Select(p => new VoicePerson(p.Id, p.Label)).ToList()));
    }

    private static async Task<IResult> Name(FamilyTimeNameRequest body, ChildContext child, NameFamilyTime name, CancellationToken ct) =>
        ApiResults.From(await name.NameAsync(child, body.Name, ct), named => TypedResults.Ok(new { name = named.Name, was = named.Was }));

    private static async Task<IResult> Feeling(Guid sessionId, FeelingRequest body, ChildContext child, SayHowItFelt say, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var face = EnumInput.Parse<FeelingFace>(body.Face, "Face", "face", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await say.SayAsync(child, sessionId, face, body.Words, ct),
            f => TypedResults.Ok(new { id = f.Id, sessionId = f.SessionId, face = f.Face.ToString(), words = f.Words, version = f.Number }));
    }

    private static async Task<IResult> Wishes(WishesRequest body, ChildContext child, SayWhoToSee say, CancellationToken ct) =>
        ApiResults.From(await say.SayAsync(child, body.WantToSee ?? [], body.InTheirWords, body.NotWantToSee, ct),
            w => TypedResults.Ok(new { id = w.Id, wantToSee = w.WantToSee, inTheirWords = w.InTheirWords, notWantToSee = w.NotWantToSee }));

    private static async Task<IResult> Talk(TalkRequestBody body, ChildContext child, AskToTalk ask, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var who = EnumInput.Parse<TalkTo>(body.Who, "Who", "who", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await ask.AskAsync(child, body.RequestKey ?? Guid.NewGuid(), who, body.Words, ct),
            a => TypedResults.Ok(new TalkAskedDto(a.Id, a.Who.ToString(),
                a.SocialWorker.Length > 0 ? $"Your social worker, {a.SocialWorker}, will get in touch today." : "Your social worker will get in touch today.",
                a.ServicePhone, TalkAsked.Childline, a.Repeated)));
    }
}

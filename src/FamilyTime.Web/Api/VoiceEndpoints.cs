using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Voice;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>What family time is called; empty or null goes back to "family time".</summary>
public sealed record FamilyTimeNameRequest(string? Name);

/// <summary>How a held session felt: face one of VerySad, Sad, Okay, Happy, VeryHappy; words optional (up to 500).</summary>
public sealed record FeelingRequest([property: NamesOf(typeof(FeelingFace))] string? Face, string? Words);

/// <summary>Who they want to see: ids from "people" in GET /api/v1/voice, and/or their own words; notWantToSee optional.</summary>
public sealed record WishesRequest(IReadOnlyList<Guid>? WantToSee, string? InTheirWords, string? NotWantToSee);

/// <summary>
/// Asking to talk: who is one of SocialWorker, IndependentVisitorOrAdvocate, SomeoneElse. requestKey: send the same one
/// when retrying, and it is the same request; without one, a second ask within 30 minutes joins the first task.
/// </summary>
public sealed record TalkRequestBody(Guid? RequestKey, [property: NamesOf(typeof(TalkTo))] string? Who, string? Words);

/// <summary>Someone in the young person's life they may choose to see: the id to send in 'wantToSee' and how they are named.</summary>
public sealed record VoicePerson(Guid Id, string Name);

/// <summary>A young person's own family time: what it is called, their social worker, the next one, those held lately with the face they gave, and the people they may choose to see.</summary>
public sealed record MyVoiceDto(Guid ChildId, string Name, string FamilyTimeName, string SocialWorker, NextFamilyTime? Next,
    IReadOnlyList<HeldSession> Held, IReadOnlyList<VoicePerson> People);

/// <summary>An ask to talk taken: who will be in touch and how, the service's phone, Childline's number, and whether it joined an earlier ask (repeated).</summary>
public sealed record TalkAskedDto(Guid Id, string Who, string WhoWillBeInTouch, string? Phone, string Childline, bool Repeated);

/// <summary>How a held session felt, as kept: the face, the words, and the version it is (1 the first; more when they changed it).</summary>
public sealed record FeelingRecorded(Guid Id, Guid SessionId, FeelingFace Face, string? Words, int Version);

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

    private static async Task<Results<Ok<MyVoiceDto>, ProblemHttpResult>> Mine(ClaimsPrincipal user, MyFamilyTime mine, ChildContextLoader children, CancellationToken ct)
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

    private static async Task<Results<Ok<FamilyTimeNamed>, ProblemHttpResult>> Name(FamilyTimeNameRequest body, ChildContext child, NameFamilyTime name, CancellationToken ct) =>
        ApiResults.From(await name.NameAsync(child, body.Name, ct), named => TypedResults.Ok(named));

    private static async Task<Results<Ok<FeelingRecorded>, ProblemHttpResult>> Feeling(Guid sessionId, FeelingRequest body, ChildContext child, SayHowItFelt say, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var face = EnumInput.Parse<FeelingFace>(body.Face, "Face", "face", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await say.SayAsync(child, sessionId, face, body.Words, ct),
            f => TypedResults.Ok(new FeelingRecorded(f.Id, f.SessionId, f.Face, f.Words, f.Number)));
    }

    private static async Task<Results<Ok<WishesSaid>, ProblemHttpResult>> Wishes(WishesRequest body, ChildContext child, SayWhoToSee say, CancellationToken ct) =>
        ApiResults.From(await say.SayAsync(child, body.WantToSee ?? [], body.InTheirWords, body.NotWantToSee, ct),
            w => TypedResults.Ok(w));

    private static async Task<Results<Ok<TalkAskedDto>, ProblemHttpResult>> Talk(TalkRequestBody body, ChildContext child, AskToTalk ask, CancellationToken ct)
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

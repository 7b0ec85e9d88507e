using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Analysis;
using FamilyTime.Web.Infrastructure;
using FamilyTime.Domain.Analysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>The period summary for one person: counts, chronology (each line with the record page to read), trend, quotes, prompts.</summary>
public sealed record AnalysisResponse(
    Guid PersonId,
    string PersonName,
    DateOnly From,
    DateOnly To,
    PeriodCounts Counts,
    string Headline,
    IReadOnlyList<ChronologyEntry> Chronology,
    BeforeAfterTrend Trend,
    IReadOnlyList<Quote> Positives,
    IReadOnlyList<Quote> Concerns,
    IReadOnlyList<Quote> ChildsWords,
    IReadOnlyList<EarlyEnding> EarlyEndings,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<Guid> RecordVersionIds,
    string Draft);

public sealed record ChronologyEntry(DateOnly Date, TimeOnly StartTime, Guid SessionId, Guid? RecordId, Guid? RecordVersionId, int? VersionNumber, string Text, string? RecordUrl);

public static class AnalysisEndpoints
{
    public static void MapAnalysisEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/children/{id:guid}/analysis", Get).WithTags("Analysis").ForChild(ChildOperation.ViewCase)
            .WithSummary("The period summary of family time with one person ('personId', 'from' and 'to' as YYYY-MM-DD): counts, chronology, before-and-after trend, quotes and prompts.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<AnalysisResponse>, ProblemHttpResult>> Get(Guid? personId, DateOnly? from, DateOnly? to, ChildContext child, PeriodAnalysis analysis, CancellationToken ct) =>
        ApiResults.From(await analysis.SummariseAsync(child, personId, from, to, ct), r =>
        {
            var s = r.Summary;
            return TypedResults.Ok(new AnalysisResponse(r.Person.Id, r.Person.Name, r.From, r.To, s.Counts, s.Headline,
                s.Chronology.Select(l => new ChronologyEntry(l.Date, l.StartTime, l.SessionId, l.RecordId, l.RecordVersionId, l.VersionNumber, l.Text,
                    l.RecordId is null ? null : ChildLinks.SessionRecord(child.ChildId, l.SessionId))).ToList(),
                s.Trend, s.Positives, s.Concerns, s.ChildsWords, s.EarlyEndings, s.Prompts, s.RecordVersionIds, s.Draft));
        });
}

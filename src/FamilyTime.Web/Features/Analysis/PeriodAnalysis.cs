using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.Web.Features.Analysis;

public sealed record PersonChoice(Guid Id, string Name, string Relationship);

public sealed record SavedAssessment(Guid Id, Guid PersonId, string PersonName, DateOnly From, DateOnly To, DateTime SavedAt, string SavedBy, int RecordVersions);

/// <summary>The child and whom an analysis can be about; <see cref="CanSave"/> for the allocated worker and their manager.</summary>
public sealed record AnalysisSubject(Guid ChildId, string ChildName, IReadOnlyList<PersonChoice> People, IReadOnlyList<SavedAssessment> Saved, bool CanSave);

public sealed record AnalysisResult(PersonChoice Person, DateOnly From, DateOnly To, PeriodSummary Summary);

/// <summary>
/// Drafts the period summary for one person from the child's sessions, records and carer observations, keeps the
/// worker's edited text as the assessment with the record versions it drew on, and reads a saved one back for the
/// court. Only those who hold the child's case reach any of it (the routes say <see cref="ChildOperation.ViewCase"/>).
/// </summary>
public sealed class PeriodAnalysis(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    /// <summary>Two years at most: long enough for proceedings, short enough to read.</summary>
    public const int MaxDays = 731;

    /// <summary>
    /// Saving an assessment is the allocated worker's and their manager's, as changing the plan is: it is what the
    /// plan's next review leans on. The page's save handler declares the same operation.
    /// </summary>
    public const ChildOperation SaveOperation = ChildOperation.EditPlan;

    public async Task<Outcome<AnalysisSubject>> SubjectAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var childId = child.ChildId;
        var people = (await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.FullName).ToListAsync(ct))
            .Select(p => new PersonChoice(p.Id, p.FullName, RelationshipRules.Describe(p.Relationship))).ToList();
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var saved = (await db.Assessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.SavedAt).ToListAsync(ct))
            .Select(a => new SavedAssessment(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId, "Someone no longer on the record"), a.From, a.To,
                a.SavedAt, a.SavedByName, a.RecordVersionIds.Count))
            .ToList();
        return Outcome<AnalysisSubject>.Ok(new AnalysisSubject(childId, GoesBy(child), people, saved, child.Can(SaveOperation)));
    }

    public async Task<Outcome<AnalysisResult>> SummariseAsync(ChildContext child, Guid? personId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var (actor, childId) = (child.Actor, child.ChildId);
        var errors = Check(personId, from, to);
        if (!errors.IsValid)
        {
            return Outcome<AnalysisResult>.Invalid(errors);
        }
        // The read and its audit entry in one transaction; someone not the child's is no view, and leaves no entry.
        var today = clock.Today();
        var result = await audit.ViewAsync(actor.UserId, actor.UserName, c => BuildAsync(child, personId!.Value, from!.Value, to!.Value, today, null, c),
            r => r is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.Analysis, childId, childId)], ct);
        if (result is null)
        {
            return Outcome<AnalysisResult>.Invalid("PersonId", "Choose someone from the people who matter to the child");
        }
        return Outcome<AnalysisResult>.Ok(result);
    }

    /// <summary>Keeps the worker's text as the assessment, naming the record versions the summary drew on now.</summary>
    public async Task<Outcome<Assessment>> SaveAsync(ChildContext child, Guid? personId, DateOnly? from, DateOnly? to, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var (actor, childId) = (child.Actor, child.ChildId);
        if (!child.Can(SaveOperation))
        {
            return Outcome<Assessment>.Forbidden("Only the child's social worker or their team manager saves an assessment.");
        }
        var errors = Check(personId, from, to);
        errors.Required("Text", text, "Write the assessment");
        errors.MaxLength("Text", text, Assessment.MaxText, "The assessment");
        if (!errors.IsValid)
        {
            return Outcome<Assessment>.Invalid(errors);
        }
        // The version ids come from the records as they stand, never from the form, so the list is what was really read.
        var result = await BuildAsync(child, personId!.Value, from!.Value, to!.Value, clock.Today(), null, ct);
        if (result is null)
        {
            return Outcome<Assessment>.Invalid("PersonId", "Choose someone from the people who matter to the child");
        }
        var assessment = new Assessment(childId, personId.Value, from.Value, to.Value, text!, result.Summary.RecordVersionIds,
            actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.Assessments.Add(assessment);
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.Assessment, assessment.Id, childId,
            System.Text.Json.JsonSerializer.Serialize(new { PersonId = personId, From = from, To = to, Records = assessment.RecordVersionIds.Count })), ct);
        return Outcome<Assessment>.Ok(assessment);
    }

    /// <summary>A saved assessment as the court reads it: the summary at the record versions it drew on, and those versions.</summary>
    public async Task<Outcome<AssessmentDocument>> DocumentAsync(ChildContext child, Guid assessmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var (actor, childId) = (child.Actor, child.ChildId);
        // The read and its audit entry in one transaction; an assessment not found is no view, and leaves no entry.
        // Only the data is read here, under the write lock: the caller renders the PDF after, outside it.
        var document = await audit.ViewAsync(actor.UserId, actor.UserName, c => LoadDocumentAsync(child, assessmentId, c),
            d => d is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.Assessment, d.Assessment.Id, childId)], ct);
        return document is null ? Outcome<AssessmentDocument>.NotFound() : Outcome<AssessmentDocument>.Ok(document);
    }

    private async Task<AssessmentDocument?> LoadDocumentAsync(ChildContext child, Guid assessmentId, CancellationToken ct)
    {
        var childId = child.ChildId;
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == childId, ct);
        if (assessment is null)
        {
            return null;
        }
        var savedOn = DateOnly.FromDateTime(LondonTime.ToLondon(assessment.SavedAt));
        var result = await BuildAsync(child, assessment.PersonId, assessment.From, assessment.To, savedOn, assessment.RecordVersionIds.ToHashSet(), ct);
        var versions = await db.RecordVersions.AsNoTracking().Where(v => assessment.RecordVersionIds.Contains(v.Id)).ToListAsync(ct);
        var recordIds = versions.Select(v => v.RecordId).Distinct().ToList();
        var dates = await db.ContactRecords.AsNoTracking().Where(r => recordIds.Contains(r.Id))
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.Id, s.Date, s.StartTime }).ToDictionaryAsync(x => x.Id, ct);
        var drawnOn = versions.OrderBy(v => dates[v.RecordId].Date).ThenBy(v => dates[v.RecordId].StartTime)
            .Select(v => new DrawnOnVersion(dates[v.RecordId].Date, v)).ToList();
        return new AssessmentDocument(
            $"{child.FirstName} {child.LastName}", child.DateOfBirth, result?.Person.Name ?? "Someone no longer on the record", result?.Person.Relationship,
            assessment, result?.Summary, drawnOn);
    }

    private static ValidationErrors Check(Guid? personId, DateOnly? from, DateOnly? to)
    {
        var errors = new ValidationErrors();
        if (personId is null)
        {
            errors.Add("PersonId", "Choose who the family time was with");
        }
        if (from is null)
        {
            errors.Add("From", "Enter the first day of the period");
        }
        if (to is null)
        {
            errors.Add("To", "Enter the last day of the period");
        }
        else if (from is { } f && to < f)
        {
            errors.Add("To", "The last day must be on or after the first day");
        }
        else if (from is { } start && to.Value.DayNumber - start.DayNumber > MaxDays)
        {
            errors.Add("To", "Choose a period of two years or less");
        }
        return errors;
    }

    private async Task<AnalysisResult?> BuildAsync(ChildContext child, Guid personId, DateOnly from, DateOnly to, DateOnly today, IReadOnlySet<Guid>? pinned, CancellationToken ct)
    {
        var childId = child.ChildId;
        var person = await db.SignificantPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.ChildId == childId, ct);
        if (person is null)
        {
            return null;
        }
        // A child has a handful of arrangements: reading them all and choosing here works the same on both engines.
        var arrangements = (await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(ct))
            .Where(a => a.PersonIds.Contains(personId)).ToList();
        var arrangementIds = arrangements.Select(a => a.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ChildId == childId && s.ArrangementId != null && arrangementIds.Contains(s.ArrangementId.Value) && s.Date >= from && s.Date <= to)
            .ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var records = await db.ContactRecords.AsNoTracking().Include(r => r.Versions).Where(r => sessionIds.Contains(r.SessionId)).ToListAsync(ct);
        var observations = await db.CarerObservations.AsNoTracking().Where(o => sessionIds.Contains(o.SessionId)).ToListAsync(ct);
        var terms = arrangements.Select(a => a.WhatEndsSession).OfType<string>().Distinct().ToList();
        var input = new PeriodInput(GoesBy(child), person.FullName, from, to, today, arrangementIds, sessions, records, observations)
        {
            JourneyMinutes = arrangements.Max(a => a.JourneyMinutes),
            WhatEndsSession = terms.Count == 0 ? null : string.Join("; ", terms),
            PinnedVersionIds = pinned,
        };
        return new AnalysisResult(new PersonChoice(person.Id, person.FullName, RelationshipRules.Describe(person.Relationship)), from, to, PeriodSummary.Build(input));
    }

    private static string GoesBy(ChildContext child) => child.PreferredName ?? child.FirstName;
}

using System.Text.Json;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Web.Features.Plans;

/// <summary>What the plan's audit entries say, and the small helpers the use cases share.</summary>
internal static class PlanAuditJson
{
    public static string Arrangement(Arrangement a, PlanChange? change) => JsonSerializer.Serialize(new
    {
        Type = a.Type.ToString(),
        Form = a.Form.ToString(),
        Schedule = a.Schedule?.Describe(),
        People = a.PersonIds.Count,
        change?.Reason,
        change?.CourtAgreedOn,
        change?.CourtReference,
    });

    public static string Agreed(int agreedVersion, int sessionsPlanned) =>
        JsonSerializer.Serialize(new { AgreedVersion = agreedVersion, SessionsPlanned = sessionsPlanned });

    public static string Considered(Guid personId, string reason) => JsonSerializer.Serialize(new { PersonId = personId, Reason = reason });

    public static string Exception(string reason) => JsonSerializer.Serialize(new { Reason = reason });

    public static void Merge(this ValidationErrors into, ValidationErrors from)
    {
        foreach (var (field, messages) in from.ByField)
        {
            foreach (var m in messages)
            {
                into.Add(field, m);
            }
        }
    }
}

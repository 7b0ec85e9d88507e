namespace FamilyTime.Domain.Plans;

/// <summary>
/// What the written agreement with the family says (contact practice guidance section 8): food, gifts and
/// activities, who parents the child during the session, and what would end a session.
/// </summary>
public sealed record AgreementTerms(string? Food, string? Gifts, string? Activities, string? WhoParents, string? WhatEndsSession)
{
    public static AgreementTerms Empty { get; } = new(null, null, null, null, null);
}

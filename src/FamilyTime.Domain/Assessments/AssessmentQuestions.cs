namespace FamilyTime.Domain.Assessments;

/// <summary>One question of the assessment, in the guidance's words made plain; required ones must be answered to save.</summary>
public sealed record AssessmentQuestion(string Key, string Section, string Text, string? Hint, bool Required);

/// <summary>
/// The questions of the assessment before family time begins (guidance Appendix 1: the parents or visiting adults,
/// risk and its effects on parenting, the child, and other factors), with the carers' view of how settled the home
/// is. The ones a plan cannot sensibly be agreed without are required; the rest are asked, and may be left for later.
/// The keys are stored with each answer, so a question's words can improve without losing what was written.
/// </summary>
public static class AssessmentQuestions
{
    public const string Parents = "The parents or visiting adults";
    public const string Risk = "Risks, and their effect on parenting this or any other child";
    public const string Child = "The child";
    public const string Other = "Other things to consider";

    public static IReadOnlyList<AssessmentQuestion> All { get; } =
    [
        new("ParentsChanges", Parents, "What changes, good or bad, have the parents or adults made since the child came into care?", "For example, ending a relationship, finding a home, starting treatment.", true),
        new("ParentsUnderstanding", Parents, "How do they understand the worries about the child, and how do they feel about the child being looked after?", "Have they talked about this with the child during sessions, and was that helpful or not?", false),
        new("RiskOfHarm", Risk, "Is there a risk of physical, sexual or emotional harm or neglect, including domestic abuse?", null, false),
        new("MentalHealth", Risk, "Are there mental health needs or disabilities to plan around?", "What support would help the parent or adult make the most of family time?", true),
        new("SubstanceUse", Risk, "Is there a history of alcohol or drug use, including how they have come to family time?", null, false),
        new("Abduction", Risk, "Is there a risk of the child being taken?", "Say what the risk is based on, or why there is none.", true),
        new("Aggression", Risk, "Is there a history of violence or aggression? Would a supervisor be at risk?", null, false),
        new("PutsChildFirst", Risk, "Can the parents put the child's needs before their own?", null, false),
        new("Engagement", Risk, "How have they worked with the service so far?", null, false),
        new("ChildEnjoys", Child, "What does the child enjoy doing during family time, and where?", null, false),
        new("AttachmentHistory", Child, "What is the child's attachment history?", "Who has the child been close to, and how have separations gone?", true),
        new("ChildsWishes", Child, "What does the child want and feel, in words or otherwise?", "Include what the child shows without words, especially for a baby or a child who does not speak.", true),
        new("HealthNeeds", Child, "Are there health needs or disabilities to consider?", null, false),
        new("Research", Child, "What does research say that helps with this assessment?", null, false),
        new("BehaviourAround", Child, "How has the child been before and after any family time so far?", null, false),
        new("CarePlan", Child, "What is the care plan for the child?", null, false),
        new("FamilyGroupConference", Child, "What could a family group conference add to the plan?", "Say if one has been held or offered, and what it found.", true),
        new("WhoChildWants", Child, "Who does the child want to see or keep in touch with?", null, false),
        new("WhatChildCallsIt", Child, "What does the child want to call family time?", null, false),
        new("CarersViewOfStability", Other, "How settled do the carers think the child's home is, and how might family time affect that?", "Ask the carers; say when you asked them.", true),
        new("Venue", Other, "Where should family time happen? Could it be at the carer's home?", null, false),
        new("RingingIn", Other, "Is ringing in or arriving early needed, because of timekeeping or reliability?", null, false),
        new("CarerSupervision", Other, "Could a carer supervise, and have they been trained?", null, false),
        new("FamilySupervision", Other, "Could a family member supervise?", null, false),
        new("Facilitated", Other, "Could family time be facilitated (part-supported) at a family centre?", null, false),
        new("Agreement", Other, "What needs to go into the agreement?", null, false),
        new("ConcernsShared", Other, "If family time cannot be unsupervised yet, what are the worries, and how will they be shared with the parents?", null, false),
        new("RouteToUnsupervised", Other, "What would need to happen for family time to be unsupervised, and by when?", null, false),
        new("SupervisorRole", Other, "What is the supervisor's role during supervised family time?", null, false),
    ];

    public static IReadOnlyList<string> Sections { get; } = [Parents, Risk, Child, Other];

    private static readonly Dictionary<string, AssessmentQuestion> ByKey = All.ToDictionary(q => q.Key, StringComparer.Ordinal);

    public static AssessmentQuestion? Find(string key) => ByKey.GetValueOrDefault(key);
}

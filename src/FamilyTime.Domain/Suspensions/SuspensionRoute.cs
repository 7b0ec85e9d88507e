using FamilyTime.Domain.Children;

namespace FamilyTime.Domain.Suspensions;

/// <summary>
/// What may follow a suspension for this child, by their legal status (guidance section 11; DOMAIN.md "Legal status
/// drives the rules"). Only a care order or an interim care order carries the section 34 duty, so only then can
/// continued refusal go to the court under section 34(4). Every child can have family time resume.
/// </summary>
public enum SuspensionRoute
{
    /// <summary>Interim care order or care order: resume, or legal advice and a section 34(4) application within the 7 days.</summary>
    Section34Application = 1,

    /// <summary>
    /// Section 20: the parents hold full parental responsibility and there is no order to apply under. Resume, or change
    /// the plan through the IRO with the parents' agreement (family time stays paused only while they agree).
    /// </summary>
    ParentsAgreement = 2,

    /// <summary>Any other status (a placement order): resume, or change the plan through the IRO.</summary>
    PlanChange = 3,
}

/// <summary>The route for a legal status, and the words each route's clock and tasks use.</summary>
public static class SuspensionRoutes
{
    public static SuspensionRoute For(LegalStatus status) => status switch
    {
        _ when LegalStatusRules.HasSection34Duty(status) => SuspensionRoute.Section34Application,
        LegalStatus.Section20 => SuspensionRoute.ParentsAgreement,
        _ => SuspensionRoute.PlanChange,
    };

    /// <summary>What must happen by day 7, to follow "resume family time, or …".</summary>
    public static string Otherwise(SuspensionRoute route) => route switch
    {
        SuspensionRoute.Section34Application => "take legal advice and apply under section 34(4)",
        SuspensionRoute.ParentsAgreement => "change the plan through the IRO with the parents' agreement (section 20: there is no section 34(4) application)",
        _ => "change the plan through the IRO (section 34 does not apply)",
    };

    /// <summary>How the route's decision is named when it has been taken.</summary>
    public static string Decided(SuspensionRoute route) => route switch
    {
        SuspensionRoute.Section34Application => "Continuing under a section 34(4) application.",
        SuspensionRoute.ParentsAgreement => "Paused with the parents' agreement while the change to the plan goes to the IRO.",
        _ => "Paused while the change to the plan goes to the IRO.",
    };

    /// <summary>Why a section 34(4) application cannot be recorded for a child whom section 34 does not cover.</summary>
    public static string NoSection34(LegalStatus status) => For(status) == SuspensionRoute.ParentsAgreement
        ? "Section 34 does not apply: the child is accommodated under section 20 and their parents hold parental responsibility, so there is no section 34(4) application. Resume family time, or change the plan through the IRO with the parents' agreement."
        : $"Section 34 does not apply to a child with the legal status '{LegalStatusRules.Describe(status)}', so there is no section 34(4) application. Resume family time, or change the plan through the IRO.";
}

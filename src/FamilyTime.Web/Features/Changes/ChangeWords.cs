using FamilyTime.Domain.Changes;

namespace FamilyTime.Web.Features.Changes;

/// <summary>How a proposal's stage reads on a page, with its tag colour.</summary>
public static class ChangeWords
{
    public static (string Text, string Tag) Stage(ChangeStage stage) => stage switch
    {
        ChangeStage.AwaitingIro => ("Waiting for the IRO", "govuk-tag--yellow"),
        ChangeStage.AwaitingReview => ("Waiting for the review", "govuk-tag--yellow"),
        ChangeStage.AwaitingCourt => ("Waiting for the court", "govuk-tag--yellow"),
        ChangeStage.AwaitingNotices => ("Notices to send", "govuk-tag--blue"),
        ChangeStage.ReadyToTakeEffect => ("Ready to take effect", "govuk-tag--blue"),
        ChangeStage.Effective => ("Took effect", "govuk-tag--green"),
        ChangeStage.NotAgreed => ("Not agreed", "govuk-tag--grey"),
        ChangeStage.Withdrawn => ("Withdrawn", "govuk-tag--grey"),
        _ => (stage.ToString(), "govuk-tag--grey"),
    };
}

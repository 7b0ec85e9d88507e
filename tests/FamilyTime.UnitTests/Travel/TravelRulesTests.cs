using FamilyTime.Domain.Portfolio;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Travel;

namespace FamilyTime.UnitTests.Travel;

/// <summary>The rules of travel claims, uploaded files, the portfolio's attendance and the diary.</summary>
public class TravelRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);
    private static readonly DateTime Now = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    private static TravelClaimInput Bus(string amount = "6.40") => new("Station Road", "the family centre", TravelMode.Bus, amount);

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, UploadedFileKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, UploadedFileKind.Png)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, UploadedFileKind.Pdf)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6D, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63 }, UploadedFileKind.Heic)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x69, 0x66, 0x31, 0, 0, 0, 0, 0x6D, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x66 }, UploadedFileKind.Heic)]
    public void A_file_is_known_by_its_first_bytes(byte[] head, UploadedFileKind kind) =>
        Assert.Equal(kind, FileSniffer.Sniff(head));

    [Theory]
    [InlineData("MZ\u0090\0\u0003\0\0\0")] // a Windows program renamed receipt.jpg
    [InlineData("Receipt: bus fare £6.40")] // a text file
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("\0\0\0\u0018ftypisom\0\0\0\0isommp41")] // an MP4 video: an ftyp box, but not HEIF
    public void A_renamed_program_text_or_page_is_not_a_receipt_whatever_it_is_called(string content)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(content);
        Assert.Null(FileSniffer.Sniff(bytes));
        var (file, problem) = StoredFile.From("parent", bytes, Now);
        Assert.Null(file);
        Assert.Equal(FileSniffer.WrongKind, problem);
    }

    [Theory]
    [InlineData("-1000000000000000000000000000")] // times 100 is beyond decimal: it used to throw OverflowException
    [InlineData("-79228162514264337593543950335")]
    [InlineData("-0.01")]
    [InlineData("0")]
    public void A_huge_negative_or_zero_amount_is_refused_in_words_not_by_an_exception(string amount)
    {
        var errors = new FamilyTime.Domain.Common.ValidationErrors();
        Assert.Null(TravelClaim.ParsePounds(amount, errors));
        Assert.False(errors.IsValid);
    }

    [Fact]
    public void An_amount_in_pounds_and_pence_is_still_read_as_pence() =>
        Assert.Equal(1250, TravelClaim.ParsePounds("£12.50", new FamilyTime.Domain.Common.ValidationErrors()));

    [Fact]
    public void A_file_of_5_MB_is_taken_and_one_byte_more_is_refused_with_a_clear_message()
    {
        var exactly = new byte[FileSniffer.MaxBytes];
        Png.CopyTo(exactly, 0);
        Assert.NotNull(StoredFile.From("parent", exactly, Now).File);

        var over = new byte[FileSniffer.MaxBytes + 1];
        Png.CopyTo(over, 0);
        var (file, problem) = StoredFile.From("parent", over, Now);
        Assert.Null(file);
        Assert.Equal("The file must be 5 MB or smaller. Take the photo again at a lower size, or send a PDF.", problem);
        Assert.Equal(FileSniffer.Empty, StoredFile.From("parent", [], Now).Problem);
    }

    [Theory]
    [InlineData("6.40", 640)]
    [InlineData("£12.5", 1250)]
    [InlineData(" 3 ", 300)]
    [InlineData("250.00", 25000)]
    public void An_amount_is_pounds_and_pence_kept_as_pence(string amount, long pence)
    {
        var (claim, errors) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", Bus(amount), Guid.NewGuid(), Now);
        Assert.True(errors.IsValid);
        Assert.Equal(pence, claim!.AmountPence);
        Assert.Equal(TravelClaimState.Waiting, claim.State);
    }

    [Theory]
    [InlineData("0", "The amount must be more than £0")]
    [InlineData("-4.00", "The amount must be more than £0")]
    [InlineData("250.01", "The amount must be £250 or less. For more, talk to your social worker.")]
    // Far beyond a whole number of pence in 64 bits: refused in words, never an overflow.
    [InlineData("100000000000000000000", "The amount must be £250 or less. For more, talk to your social worker.")]
    [InlineData("6.405", "Enter the amount in pounds and pence, for example 12.50")]
    [InlineData("six pounds", "Enter the amount in pounds and pence, for example 12.50")]
    [InlineData("", "Enter the amount in pounds and pence, for example 12.50")]
    public void An_amount_must_be_positive_at_most_250_pounds_and_in_pence(string amount, string message)
    {
        var (claim, errors) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", Bus(amount), Guid.NewGuid(), Now);
        Assert.Null(claim);
        Assert.Equal([message], errors.ByField["Amount"]);
    }

    [Fact]
    public void A_fare_needs_a_receipt_a_journey_and_a_way_of_travelling()
    {
        var (claim, errors) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", new TravelClaimInput(" ", null, null, "4.00"), null, Now);
        Assert.Null(claim);
        Assert.Equal(["From", "Mode", "To"], errors.ByField.Keys.Order());
        var (_, noReceipt) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", Bus(), null, Now);
        Assert.Equal(["Add a photo or PDF of your ticket or receipt"], noReceipt.ByField["Receipt"]);
    }

    [Fact]
    public void A_claim_is_for_family_time_in_the_last_three_months_or_up_to_four_weeks_ahead_that_was_meant_to_go_ahead()
    {
        Assert.Null(TravelClaim.SessionProblem(Today.AddMonths(-3), SessionStatus.TookPlace, Today));
        Assert.Null(TravelClaim.SessionProblem(Today.AddDays(28), SessionStatus.Planned, Today));
        Assert.NotNull(TravelClaim.SessionProblem(Today.AddMonths(-3).AddDays(-1), SessionStatus.TookPlace, Today));
        Assert.NotNull(TravelClaim.SessionProblem(Today.AddDays(29), SessionStatus.Planned, Today));
        Assert.NotNull(TravelClaim.SessionProblem(Today.AddDays(-2), SessionStatus.CancelledByParent, Today));
        Assert.NotNull(TravelClaim.SessionProblem(Today.AddDays(-2), SessionStatus.Rearranged, Today));
        // The parent travelled even when the child said no on the day or we cancelled late.
        Assert.Null(TravelClaim.SessionProblem(Today.AddDays(-2), SessionStatus.ChildDeclined, Today));
        Assert.Null(TravelClaim.SessionProblem(Today.AddDays(-2), SessionStatus.CancelledByAuthority, Today));
    }

    [Fact]
    public void A_claim_is_decided_once_and_a_refusal_needs_a_reason()
    {
        var (claim, _) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", Bus(), Guid.NewGuid(), Now);
        Assert.Equal(["Say why the claim is not being paid: the person who claimed will read it"], claim!.Refuse("tm", "Helen", " ", Now).ByField["Reason"]);
        Assert.Equal(TravelClaimState.Waiting, claim.State);
        Assert.True(claim.Approve("tm", "Helen", Now).IsValid);
        Assert.False(claim.Approve("tm", "Helen", Now).IsValid);
        Assert.False(claim.Refuse("tm", "Helen", "Too late", Now).IsValid);
        Assert.Equal(TravelClaimState.Approved, claim.State);
    }

    [Fact]
    public void An_approved_claim_is_paid_in_one_run_only_and_a_waiting_one_in_none()
    {
        var (claim, _) = TravelClaim.Make(Guid.NewGuid(), Guid.NewGuid(), Today, "parent", Bus(), Guid.NewGuid(), Now);
        Assert.False(claim!.MarkPaid(Guid.NewGuid(), Now));
        claim.Approve("tm", "Helen", Now);
        var first = Guid.NewGuid();
        Assert.True(claim.MarkPaid(first, Now));
        Assert.False(claim.MarkPaid(Guid.NewGuid(), Now));
        Assert.Equal(first, claim.PaymentRunId);
    }

    [Theory]
    [InlineData("12.5", 563)]
    [InlineData("10", 450)]
    public void Staff_mileage_is_paid_at_45p_a_mile(string miles, long pence)
    {
        var (claim, errors) = TravelClaim.Mileage(Guid.NewGuid(), Guid.NewGuid(), Today, "worker", new TravelClaimInput("Office", "Family centre", null, null, miles), Now);
        Assert.True(errors.IsValid);
        Assert.Equal(pence, claim!.AmountPence);
        Assert.Equal(Claimant.StaffMileage, claim.Claimant);
        Assert.Equal(TravelMode.CarMileage, claim.Mode);
        Assert.False(TravelClaim.Mileage(Guid.NewGuid(), Guid.NewGuid(), Today, "worker", new TravelClaimInput("Office", "Centre", null, null, "501"), Now).Errors.IsValid);
        Assert.False(TravelClaim.Mileage(Guid.NewGuid(), Guid.NewGuid(), Today, "worker", new TravelClaimInput("Office", "Centre", null, null, "1.25"), Now).Errors.IsValid);
    }

    [Fact]
    public void Attendance_counts_held_couldnt_come_and_cancelled_by_us_and_leaves_out_what_is_still_to_come_or_the_plan_withdrew()
    {
        var a = Attendance.Count([SessionStatus.TookPlace, SessionStatus.EndedEarly, SessionStatus.ParentDidNotAttend, SessionStatus.CancelledByParent,
            SessionStatus.CancelledByAuthority, SessionStatus.ChildDeclined, SessionStatus.Planned, SessionStatus.IndirectContact, SessionStatus.PlanChanged]);
        Assert.Equal(new Attendance(Held: 2, CouldNotCome: 2, CancelledByUs: 1, OtherReasons: 1), a);
        Assert.Equal(6, a.Total);
    }

    [Fact]
    public void A_goal_is_marked_achieved_once_and_an_achievement_is_achieved_when_added()
    {
        var (goal, _) = PortfolioGoal.Add(Guid.NewGuid(), Guid.NewGuid(), PortfolioItemKind.Goal, "Finish the course", null, Today, "sw", Now);
        Assert.False(goal!.IsAchieved);
        Assert.True(goal.MarkAchieved(Today).IsValid);
        Assert.True(goal.MarkAchieved(Today.AddDays(3)).IsValid);
        Assert.Equal(Today, goal.AchievedOn);
        var (achievement, _) = PortfolioGoal.Add(Guid.NewGuid(), Guid.NewGuid(), PortfolioItemKind.Achievement, "Came every week", null, Today, "sw", Now);
        Assert.True(achievement!.IsAchieved);
        Assert.False(achievement.MarkAchieved(Today).IsValid);
        Assert.False(PortfolioGoal.Add(Guid.NewGuid(), Guid.NewGuid(), null, "", null, Today, "sw", Now).Errors.IsValid);
    }

    [Fact]
    public void A_diary_entry_needs_what_and_when()
    {
        var (entry, errors) = DiaryEntry.Add("parent", new DiaryInput(null, null, null, null, null));
        Assert.Null(entry);
        Assert.Equal(["Date", "Title"], errors.ByField.Keys.Order());
        var (ok, _) = DiaryEntry.Add("parent", new DiaryInput(" GP ", Today, new TimeOnly(14, 30), null, null));
        Assert.Equal("GP", ok!.Title);
        Assert.True(ok.Change(new DiaryInput("GP appointment", Today.AddDays(1), null, "Surgery", null)).IsValid);
        Assert.Equal(Today.AddDays(1), ok.Date);
    }
}

using FamilyTime.Domain.Retention;

namespace FamilyTime.UnitTests.Retention;

/// <summary>A child's date of death and the legal hold on their record.</summary>
public class LegalHoldTests
{
    private static readonly DateTime At = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Placing_a_hold_needs_a_reason()
    {
        var child = Valid.Child();
        var errors = child.PlaceLegalHold("  ", "tm@example.com", At);
        Assert.Contains("LegalHoldReason", errors.ByField.Keys);
        Assert.False(child.OnLegalHold);
    }

    [Fact]
    public void A_hold_keeps_who_placed_it_when_and_why_and_lifting_it_clears_them()
    {
        var child = Valid.Child();
        Assert.True(child.PlaceLegalHold("Civil claim: solicitors' letter of 1 November", "tm@example.com", At).IsValid);
        Assert.Equal((true, "Civil claim: solicitors' letter of 1 November", "tm@example.com", At),
            (child.OnLegalHold, child.LegalHoldReason, child.LegalHoldBy, child.LegalHoldSince!.Value));

        Assert.False(child.PlaceLegalHold("again", "tm@example.com", At).IsValid);
        Assert.False(child.LiftLegalHold("").IsValid);
        Assert.True(child.LiftLegalHold("Claim settled").IsValid);
        Assert.Equal((false, null, null, null), (child.OnLegalHold, child.LegalHoldReason, child.LegalHoldBy, child.LegalHoldSince));
        Assert.False(child.LiftLegalHold("Claim settled").IsValid);
    }

    [Fact]
    public void A_date_of_death_before_18_moves_the_disposal_date()
    {
        var child = Valid.Child();
        Assert.Equal(RetentionBasis.SeventyFifthBirthday, child.DisposalDate.Basis);
        Assert.True(child.RecordDateOfDeath(new DateOnly(2026, 10, 1), Valid.Today).IsValid);
        Assert.Equal(new DisposalDate(new DateOnly(2041, 10, 1), RetentionBasis.FifteenYearsAfterDeath), child.DisposalDate);
    }

    [Fact]
    public void A_date_of_death_in_the_future_or_before_the_birth_is_refused()
    {
        var child = Valid.Child();
        Assert.False(child.RecordDateOfDeath(Valid.Today.AddDays(1), Valid.Today).IsValid);
        Assert.False(child.RecordDateOfDeath(Valid.DateOfBirth.AddDays(-1), Valid.Today).IsValid);
        Assert.Null(child.DateOfDeath);
    }
}

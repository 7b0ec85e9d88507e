using FamilyTime.Web.Features.Admin.Venues;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Opening hours typed as people type them. Digits of other scripts ("٠٩:٣٠", Arabic-Indic) once matched the
/// pattern's \d and then made int.Parse throw, which the venue page would have shown as an error: now they are simply
/// not a time, like any other text (found by bench/FamilyTime.Fuzz, form-fields).
/// </summary>
public sealed class VenueTimeTextTests
{
    [Theory]
    [InlineData("٠٩:٣٠")]
    [InlineData("٩am")]
    [InlineData("１０:００")] // full-width digits
    [InlineData("۵5")] // afl's first crash: an Extended Arabic-Indic five, then a 5
    [InlineData("5߂")] // afl's second: a 5, then an N'Ko two
    public void Digits_of_other_scripts_are_not_a_time_and_throw_nothing(string text) =>
        Assert.Null(TimeText.Parse(text));

    [Theory]
    [InlineData("9am", 9, 0)]
    [InlineData("5:30pm", 17, 30)]
    [InlineData("0930", 9, 30)]
    [InlineData("17.30", 17, 30)]
    public void Times_typed_as_people_type_them_are_still_read(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), TimeText.Parse(text));
}

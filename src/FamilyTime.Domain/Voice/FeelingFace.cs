namespace FamilyTime.Domain.Voice;

/// <summary>
/// The five faces a young person picks from to say how a session felt. Numbered so a trend can be read
/// (1 the saddest, 5 the happiest); stored by name so the numbers can never be misread later.
/// </summary>
public enum FeelingFace
{
    VerySad = 1,
    Sad = 2,
    Okay = 3,
    Happy = 4,
    VeryHappy = 5,
}

public static class FeelingFaces
{
    /// <summary>What the face says in words, for the young person (beside the face) and for staff.</summary>
    public static string Words(FeelingFace face) => face switch
    {
        FeelingFace.VerySad => "Really sad",
        FeelingFace.Sad => "A bit sad",
        FeelingFace.Okay => "OK",
        FeelingFace.Happy => "Good",
        FeelingFace.VeryHappy => "Really good",
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, "Not one of the five faces."),
    };

    /// <summary>The face itself, shown with its words beside it (the picture is never the only way to tell them apart).</summary>
    public static string Emoji(FeelingFace face) => face switch
    {
        FeelingFace.VerySad => "😢",
        FeelingFace.Sad => "🙁",
        FeelingFace.Okay => "😐",
        FeelingFace.Happy => "🙂",
        FeelingFace.VeryHappy => "😄",
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, "Not one of the five faces."),
    };

    public static IReadOnlyList<FeelingFace> All { get; } = Enum.GetValues<FeelingFace>();
}

namespace FamilyTime.Web.Features.Children.Connections;

/// <summary>How the child keeps in touch with someone, as the plan says. The map draws each with its own line style.</summary>
public enum ConnectionKind
{
    /// <summary>At least one face-to-face arrangement: they see each other.</summary>
    Direct,

    /// <summary>Only phone, video, text, letters or social media.</summary>
    Indirect,

    /// <summary>No arrangement in the plan with this person.</summary>
    None,
}

/// <summary>One person who matters to the child, and how often the plan has them in touch.</summary>
public sealed record Connection(Guid PersonId, string Name, string Relationship, ConnectionKind Kind, string HowOften);

/// <summary>The child (by the name they are known by) and the people around them, in the order the table lists them.</summary>
public sealed record ConnectionsMap(Guid ChildId, string ChildName, string PlanState, IReadOnlyList<Connection> People);

public static class ConnectionWords
{
    public static string Describe(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Direct => "Face to face",
        ConnectionKind.Indirect => "Indirect: phone, video, messages or letters",
        ConnectionKind.None => "No family time in the plan",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind"),
    };

    public const string NoFamilyTime = "No family time arranged";
}

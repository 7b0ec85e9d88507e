namespace FamilyTime.Scheduling.Generation;

/// <summary>The words generated weeks are made of: localities, names, languages. Made up, but the kind a city has.</summary>
internal static class CityWords
{
    public static readonly string[] Localities =
    [
        "Moss Side", "Harpurhey", "Longsight", "Cheetham Hill", "Levenshulme", "Gorton", "Wythenshawe", "Didsbury",
        "Chorlton", "Hulme", "Ancoats", "Ardwick", "Rusholme", "Withington", "Blackley", "Newton Heath", "Clayton",
        "Openshaw", "Burnage", "Fallowfield", "Crumpsall", "Moston", "Baguley", "Northenden", "Whalley Range",
        "Old Trafford", "Miles Platting", "Beswick", "Collyhurst", "Higher Blackley", "Sharston", "Benchill",
        "Woodhouse Park", "Charlestown", "Brooklands", "West Didsbury", "Ladybarn", "Belle Vue", "Abbey Hey",
        "Victoria Park",
    ];

    public static readonly string[] RoomNames =
    [
        "Oak Room", "Willow Room", "Blue Room", "Sunflower Room", "Garden Room", "Rainbow Room", "Maple Room",
        "Acorn Room", "Butterfly Room", "Meadow Room", "Star Room", "Ash Room",
    ];

    public static readonly string[] FirstNames =
    [
        "Amelia", "Oliver", "Isla", "Noah", "Ava", "Muhammad", "Lily", "Leo", "Freya", "Jack", "Zara", "Harry", "Maya",
        "Theo", "Aisha", "George", "Ivy", "Oscar", "Hana", "Charlie", "Sofia", "Arthur", "Amira", "Jacob", "Ella",
        "Alfie", "Maryam", "Finley", "Grace", "Yusuf", "Poppy", "Kacper", "Ruby", "Ibrahim", "Daisy", "Mason", "Layla",
        "Logan", "Evie", "Ayaan", "Olivia", "Reggie", "Fatima", "Tommy", "Zofia", "Ali", "Mia", "Andrei", "Khadija",
        "Ryan",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Khan", "Taylor", "Brown", "Ahmed", "Wilson", "Hussain", "Evans", "Kowalski", "Thomas",
        "Ali", "Roberts", "Walker", "Begum", "Wright", "Popescu", "Hughes", "Nowak", "Green", "Warsame", "Hall",
        "Singh", "Wood", "Mahmood", "Clarke", "Hassan", "Lewis", "Jackson", "Kaur",
    ];

    /// <summary>Community languages families need an interpreter or a worker for, with how often each comes up.</summary>
    public static readonly (string Language, int Weight)[] Languages =
    [
        ("Polish", 20), ("Urdu", 18), ("Arabic", 14), ("Punjabi", 12), ("Romanian", 12), ("Somali", 10),
        ("Bengali", 8), ("Portuguese", 6),
    ];
}

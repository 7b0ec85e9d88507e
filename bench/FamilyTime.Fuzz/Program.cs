using FamilyTime.Fuzz;
using FamilyTime.Fuzz.Targets;

// dotnet FamilyTime.Fuzz.dll <target>                 run one target under afl-fuzz (reads each input from afl)
// dotnet FamilyTime.Fuzz.dll replay <target> <file>…  run saved inputs without afl: a crash file shows its exception
// dotnet FamilyTime.Fuzz.dll seed-json <dir>          write one seed per API request body (json-bodies corpus)
// dotnet FamilyTime.Fuzz.dll list                     the targets' names
var targets = FuzzTargets.All;
switch (args)
{
    case ["list"]:
        foreach (var name in targets.Keys)
        {
            Console.WriteLine(name);
        }
        return 0;
    case ["seed-json", var dir]:
        JsonBodies.WriteSeeds(dir);
        return 0;
    case ["replay", var name, .. var files] when targets.TryGetValue(name, out var replayed):
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                replayed(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: refused or accepted as the contract allows");
            }
#pragma warning disable CA1031 // replay reports every exception: that is its purpose.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"{file}: {e}");
            }
        }
        return failed == 0 ? 0 : 1;
    case [var name] when targets.TryGetValue(name, out var target):
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine($"Usage: <target> | replay <target> <file>… | seed-json <dir> | list. Targets: {string.Join(", ", targets.Keys)}");
        return 2;
}

using FamilyTime.Harness;

// Run from the repository root: dotnet run --project bench/FamilyTime.Harness -c Release -- crash|races|fuzz [options]
try
{
    var options = HarnessOptions.Parse(args);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return options.Mode switch
    {
        "crash" => await CrashRounds.RunAsync(options, stop.Token),
        "races" => await TwoWriterRaces.RunAsync(options, stop.Token),
        _ => await HttpFuzz.RunAsync(options, stop.Token),
    };
}
catch (HarnessException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

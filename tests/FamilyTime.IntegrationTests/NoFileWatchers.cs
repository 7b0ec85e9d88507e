using System.Runtime.CompilerServices;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The tests start many apps at once (a fixture per class, a fresh app where a test moves the clock or changes
/// settings; the browser tests, which compile this file too, beside them), and every app watches its settings files.
/// On Linux each watcher is an inotify instance, and a user may hold only 128: a fresh-clone run once reached the limit
/// and eight tests failed to start their app. Settings files never change during a test, so the apps poll instead (a
/// timer, no inotify instance).
/// </summary>
internal static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}

using System.Runtime.CompilerServices;

namespace FamilyTime.BrowserTests;

/// <summary>
/// The browser tests' apps run beside the integration tests' many apps, and every app watches its settings files. On
/// Linux each watcher is an inotify instance, and a user may hold only 128 (a fresh-clone run once reached the limit).
/// Settings files never change during a test, so the apps poll instead (a timer, no inotify instance).
/// </summary>
internal static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}

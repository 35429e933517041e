namespace MeetingTracker.Bench.Load;

/// <summary>The clone the bench runs from (the web host is started from it), found as the http suite finds it.</summary>
internal static class Repo
{
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MeetingTracker.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MeetingTracker.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }
}

using System.Globalization;
using MeetingTracker.Bench.Http;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// The web host as <see cref="Servers.StartWebHost"/> starts it (<c>dotnet run -c Release</c>, Production), with two
/// sources: the corpus's, already harvested, and the new one, harvested by the host's own scheduler at
/// <paramref name="harvestAt"/> (a six-field cron naming that second; the host polls its schedule every 5 s).
/// </summary>
public static class LoadHost
{
    public const string NewSourceName = "load-debian";

    public static ServerProcess Start(string repo, string dataDir, string corpusTree, string newTree, DateTimeOffset harvestAt, int port)
    {
        var at = harvestAt.UtcDateTime;
        var cron = string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} {at.Day} {at.Month} *");
        return Servers.StartWebHost(
            repo, dataDir, corpusTree, Search.SearchCorpus.SourceName, port,
            "--MeetingTracker:Sources:1:Name", NewSourceName,
            "--MeetingTracker:Sources:1:Location", newTree,
            "--MeetingTracker:Sources:1:Schedule", cron,
            "--Logging:LogLevel:MeetingTracker.Web.Jobs", "Information");
    }

    public static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The host's own process (<c>dotnet run</c> starts it as a child): the one whose command line has its URL and is
    /// not <c>dotnet run</c> itself.
    /// </summary>
    public static int FindServerPid(int port)
    {
        var url = Url(port);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string[] args;
            try
            {
                args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (args.Contains(url) && !args.Contains("run") && args.Any(a => a.Contains("MeetingTracker.Web", StringComparison.Ordinal))) return pid;
        }

        throw new InvalidOperationException($"no MeetingTracker.Web process serving {url}");
    }
}

using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// The <c>http</c> suite (issue 5): wrk against the team, person, meeting and search pages of the web host serving the
/// 10,000-meeting corpus, and against nginx serving the same meeting's <c>.log.html</c> as a static file (the
/// baseline: what the meetbot server itself does). Targets: each page at least 1,000 requests/s with p99 ≤ 50 ms.
/// </summary>
public static class HttpSuite
{
    public const double TargetRequestsPerSecond = 1000;
    public const double TargetP99Ms = 50;
    // Long enough for .NET to have optimised the hot paths (tiered compilation), as in a server that has been up a while.
    public const int WarmupSeconds = 10;

    /// <summary>Each page's share of the host's warm-up before the first measurement.</summary>
    public const int PrewarmSeconds = 5;

    public static async Task<int> RunAsync(HttpArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!File.Exists(Wrk.Path) || !File.Exists("/usr/sbin/nginx"))
        {
            Console.Error.WriteLine("http: needs wrk and nginx (apt-get install -y wrk nginx-light)");
            return 2;
        }

        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"meetingtracker-bench-http-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        var environment = BenchEnvironment.Capture();
        Console.WriteLine($"http: {args.Meetings} meetings in {work}; {environment.Load}");
        try
        {
            var (corpus, rig) = await SearchCorpus.PrepareAsync(work, args.Meetings, args.Reuse, cancellationToken);
            Targets targets;
            await using (rig)
            {
                targets = await Targets.PickAsync(rig.Get<IDbContextFactory<TrackerDb>>(), corpus.Tree, cancellationToken);
                var accountId = await SignedInUser.CreateAsync(rig.Get<IDbContextFactory<TrackerDb>>(), TimeProvider.System, cancellationToken);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                targets = targets with { ActionChain = await EventSeed.SeedAsync(rig.Get<IDbContextFactory<TrackerDb>>(), accountId, TimeProvider.System, cancellationToken) };
                Console.WriteLine($"events: {EventSeed.Events} stored ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s to write the missing ones)");
            }

            // The host needs the index's write lock, which the rig held until now.
            var webPort = ServerProcess.FreePort();
            using var web = Servers.StartWebHost(RepoRoot(), corpus.DataDir, corpus.Tree, SearchCorpus.SourceName, webPort);
            var webBase = new Uri($"http://127.0.0.1:{webPort.ToString(CultureInfo.InvariantCulture)}/");
            await web.WaitUntilServingAsync(webBase, TimeSpan.FromMinutes(5), cancellationToken);
            var nginxPort = ServerProcess.FreePort();
            using var nginx = Servers.StartNginx(work, corpus.Tree, nginxPort);
            var nginxBase = new Uri($"http://127.0.0.1:{nginxPort.ToString(CultureInfo.InvariantCulture)}/");
            await nginx.WaitUntilServingAsync(new Uri(nginxBase, targets.StaticLog), TimeSpan.FromSeconds(30), cancellationToken);
            Console.WriteLine(targets.Describe());

            // Every page once before any is measured, as on a server that has been up a while: the first row measured
            // otherwise pays for the code paths (and heap growth) all the pages share.
            foreach (var (_, url, _, signedIn) in targets.Urls(webBase, nginxBase).Where(u => u.Url.Port == webPort))
            {
                await Wrk.RunAsync(url.ToString(), args.Connections, PrewarmSeconds, cancellationToken, signedIn ? await SignedInUser.SignInAsync(webBase, cancellationToken) : null);
            }

            var rows = new List<HttpRow>();
            foreach (var (name, url, isTarget, signedIn) in targets.Urls(webBase, nginxBase))
            {
                // Signed in right before: a browser keeps the cookie the site renews, wrk cannot, and a session cookie
                // older than the security stamp's interval (1 min) would be checked against the database on every request.
                var cookie = signedIn ? await SignedInUser.SignInAsync(webBase, cancellationToken) : null;
                var bytes = await PageBytesAsync(url, cookie, cancellationToken);
                await Wrk.RunAsync(url.ToString(), args.Connections, WarmupSeconds, cancellationToken, cookie);
                var result = await Wrk.RunAsync(url.ToString(), args.Connections, args.Duration, cancellationToken, cookie);
                var row = new HttpRow(name, url.PathAndQuery, bytes, result, isTarget);
                Console.WriteLine(row.Line());
                rows.Add(row);
            }

            HttpReport.Print(rows, args, corpus, environment with { LoadAfter = BenchEnvironment.LoadAverage() });
            var seen = await ChangeVisibility.CheckAsync(corpus.DataDir, webBase, targets.ActionChain, cancellationToken);
            Console.WriteLine(seen);
            return rows.Where(r => r.IsTarget).All(r => r.Met) && seen.StartsWith("a state change", StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            if (!args.Keep && !args.Reuse && args.Work is null) Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<long> PageBytesAsync(Uri url, string? cookie, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        return body.LongLength;
    }

    // The bench's own folder is inside the clone, unless it was built elsewhere (--artifacts-path): then the
    // current directory is.
    private static string RepoRoot()
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

/// <summary>One measured URL.</summary>
public sealed record HttpRow(string Name, string Path, long Bytes, WrkResult Result, bool IsTarget)
{
    public bool Met => Result.Errors == 0 && Result.RequestsPerSecond >= HttpSuite.TargetRequestsPerSecond && Result.P99Ms <= HttpSuite.TargetP99Ms;

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Result.RequestsPerSecond:F0} req/s, p50 {Result.P50Ms:F2} ms, p99 {Result.P99Ms:F2} ms, {Result.Requests:N0} requests, {Result.Errors} errors ({Bytes:N0} bytes)");
}

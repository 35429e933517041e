using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// The <c>http</c> suite (issue 5): wrk against the team, person, meeting and search pages of the web host serving the
/// 10,000-meeting corpus, and against nginx serving the same meeting's <c>.log.html</c> as a static file (the
/// baseline: what the meetbot server itself does). Targets: each page at least 1,000 requests/s with p99 ≤ 50 ms (issue 5);
/// from the page cache (issue 14), team and person pages at 5,000 and the meeting page at 10,000 requests/s, 0.15 of
/// nginx's rate, p99 ≤ 10 ms, and a revisit of each with its ETag a 304. Issue 15 adds the busiest team's topics and
/// agenda and the most mentioned project's page, each at issue 5's target.
/// </summary>
public static class HttpSuite
{
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
            if (await Targets.PickProjectAsync(webBase, cancellationToken) is not { } project)
            {
                Console.Error.WriteLine(
                    "http: GET /api/projects lists no project: the corpus's meetings mention no ticket, pull request or repository (a LogGen that plants no "
                    + "references, or MeetingTracker:References:Enabled=false), so there is no /projects/{key} page to measure; stopping before any measurement");
                return 2;
            }

            targets = targets with { ProjectKey = project.Key, ProjectMeetings = project.Meetings };
            Console.WriteLine(targets.Describe());

            // Every page once before any is measured, as on a server that has been up a while: the first row measured
            // otherwise pays for the code paths (and heap growth) all the pages share.
            foreach (var (_, url, _, signedIn, _) in targets.Urls(webBase, nginxBase).Where(u => u.Url.Port == webPort))
            {
                await Wrk.RunAsync(url.ToString(), args.Connections, PrewarmSeconds, cancellationToken, signedIn ? await SignedInUser.SignInAsync(webBase, cancellationToken) : null);
            }

            var rows = new List<HttpRow>();
            foreach (var (name, url, target, signedIn, revisit) in targets.Urls(webBase, nginxBase))
            {
                // Signed in right before: a browser keeps the cookie the site renews, wrk cannot, and a session cookie
                // older than the security stamp's interval (1 min) would be checked against the database on every request.
                var cookie = signedIn ? await SignedInUser.SignInAsync(webBase, cancellationToken) : null;
                var (bytes, etag) = await PageAsync(url, cookie, null, cancellationToken);
                string? header = null;
                if (revisit)
                {
                    // The revisit presents what the first visit got, and must be answered 304 with no body.
                    header = "If-None-Match: " + (etag ?? throw new InvalidOperationException($"GET {url}: no ETag"));
                    (bytes, _) = await PageAsync(url, cookie, etag, cancellationToken);
                }

                await Wrk.RunAsync(url.ToString(), args.Connections, WarmupSeconds, cancellationToken, cookie, header);
                var result = await Wrk.RunAsync(url.ToString(), args.Connections, args.Duration, cancellationToken, cookie, header);
                var row = new HttpRow(name, url.PathAndQuery, bytes, result, target);
                Console.WriteLine(row.Line());
                rows.Add(row);
            }

            var nginxRate = rows.Single(r => r.Target is null).Result.RequestsPerSecond;
            rows = [.. rows.Select(r => r with { NginxRequestsPerSecond = nginxRate })];
            HttpReport.Print(rows, args, corpus, environment with { LoadAfter = BenchEnvironment.LoadAverage() });
            var seen = await ChangeVisibility.CheckAsync(corpus.DataDir, webBase, targets.ActionChain, cancellationToken);
            Console.WriteLine(seen);
            return rows.Where(r => r.Target is not null).All(r => r.Met) && seen.StartsWith("a state change", StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            if (!args.Keep && !args.Reuse && args.Work is null) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The answer's size and ETag; with <paramref name="ifNoneMatch"/>, it must be a 304.</summary>
    private static async Task<(long Bytes, string? ETag)> PageAsync(Uri url, string? cookie, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var expected = ifNoneMatch is null ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.NotModified;
        if (response.StatusCode != expected) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}, expected {(int)expected}");
        return (body.LongLength, response.Headers.ETag?.ToString());
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

/// <summary>One measured URL (<paramref name="Target"/> null: the baseline).</summary>
public sealed record HttpRow(string Name, string Path, long Bytes, WrkResult Result, RowTarget? Target)
{
    /// <summary>nginx's rate in the same run, for the targets that are a share of it.</summary>
    public double? NginxRequestsPerSecond { get; init; }

    public bool Met => Target?.MetBy(Result, NginxRequestsPerSecond) == true;

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Result.RequestsPerSecond:F0} req/s, p50 {Result.P50Ms:F2} ms, p99 {Result.P99Ms:F2} ms, {Result.Requests:N0} requests, {Result.Errors} errors ({Bytes:N0} bytes)");
}

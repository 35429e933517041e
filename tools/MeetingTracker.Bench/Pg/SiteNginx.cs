using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MeetingTracker.Bench.Http;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// Debian's nginx running the repository's <c>deploy/nginx/meetingtracker.conf</c> in front of the given nodes, with the
/// substitutions of the deploy tests' <c>NginxRig</c>, each counted (a changed site fails here rather than being
/// measured half): the upstream's <c>server 127.0.0.1:5001</c> (and <c>5002</c>) become the nodes' ports (with one
/// node, the second line goes); <c>listen 80</c> and <c>listen 443</c> become free loopback ports and the
/// <c>[::]</c> listens go; the placeholder certificate becomes one made here; the cache folder moves into the work
/// folder. The main <c>nginx.conf</c> is Debian's defaults that matter (workers = cores, 768 connections each) with
/// everything under the work folder and an access log naming the node that answered (<c>$upstream_addr $status</c>),
/// from which each node's request count is read.
/// </summary>
public sealed partial class SiteNginx : IDisposable
{
    public const string SiteName = "meetings.example.org";

    private readonly string root;
    private readonly ServerProcess process;

    private SiteNginx(string root, ServerProcess process, int httpsPort, int pid)
    {
        this.root = root;
        this.process = process;
        HttpsPort = httpsPort;
        Pid = pid;
    }

    public int HttpsPort { get; }

    /// <summary>The master's process id (its workers are its children).</summary>
    public int Pid { get; }

    public Uri Site => new($"https://127.0.0.1:{HttpsPort.ToString(CultureInfo.InvariantCulture)}/");

    public string AccessLog => Path.Combine(root, "access.log");

    public static async Task<SiteNginx> StartAsync(string repo, string root, IReadOnlyList<int> nodePorts, CancellationToken cancellationToken)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var httpPort = ServerProcess.FreePort();
        var httpsPort = ServerProcess.FreePort();
        WriteCertificate(root);
        var site = SiteConf(File.ReadAllText(Path.Combine(repo, "deploy", "nginx", "meetingtracker.conf")), root, nodePorts, httpPort, httpsPort);
        File.WriteAllText(Path.Combine(root, "meetingtracker.conf"), site);
        File.WriteAllText(Path.Combine(root, "nginx.conf"), MainConf(root));
        File.WriteAllText(Path.Combine(root, "access.log"), string.Empty);

        var test = Start(root, "-t");
        using (test)
        {
            for (var waited = Stopwatch.StartNew(); !test.HasExited; await Task.Delay(50, cancellationToken))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("nginx -t did not end");
            }

            if (test.ExitCode != 0) throw new InvalidOperationException("nginx -t: " + test.Output);
        }

        var nginx = Start(root, "-g", "daemon off;");
        var serving = new SiteNginx(root, nginx, httpsPort, nginx.Id);
        for (var waited = Stopwatch.StartNew(); !await ListeningAsync(httpsPort, cancellationToken); await Task.Delay(50, cancellationToken))
        {
            if (nginx.HasExited || waited.Elapsed > TimeSpan.FromSeconds(20)) throw new InvalidOperationException("nginx did not start: " + nginx.Output + ReadError(root));
        }

        return serving;
    }

    /// <summary>CPU ticks of the master and its workers.</summary>
    public long CpuTicks() => ProcCpu.TreeTicks(Pid);

    /// <summary>Bytes of the access log now: <see cref="CountSince"/> reads the requests logged after this point.</summary>
    public long LogLength() => new FileInfo(AccessLog).Length;

    /// <summary>
    /// Requests logged since <paramref name="offset"/>, by the node port that answered; how many were not 2xx/3xx, and
    /// of those how many were 499 (the client closed the connection first: wrk stopping at the end of its run with
    /// requests in flight; not the site's error).
    /// </summary>
    public (Dictionary<int, long> ByPort, long Failed, long ClientClosed) CountSince(long offset)
    {
        var byPort = new Dictionary<int, long>();
        long failed = 0;
        long closed = 0;
        using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length < 2) continue;

            // "127.0.0.1:5001 200", or "127.0.0.1:5001, 127.0.0.1:5002 502 200" after a retry: the last node answered.
            var status = parts[^1];
            var address = parts[^2].TrimEnd(',');
            if (status == "499") closed++;
            else if (status.Length == 0 || (status[0] != '2' && status[0] != '3')) failed++;
            var colon = address.LastIndexOf(':');
            if (colon > 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                byPort[port] = byPort.GetValueOrDefault(port) + 1;
            }
        }

        return (byPort, failed, closed);
    }

    public string ErrorLog => ReadError(root);

    public void Dispose() => process.Dispose();

    private static async Task<bool> ListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static ServerProcess Start(string root, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/nginx");
        foreach (var arg in (string[])["-p", root + "/", "-c", Path.Combine(root, "nginx.conf"), .. args]) start.ArgumentList.Add(arg);
        return ServerProcess.Start(start);
    }

    private static string ReadError(string root)
        => File.Exists(Path.Combine(root, "error.log")) ? File.ReadAllText(Path.Combine(root, "error.log")) : string.Empty;

    private static string SiteConf(string site, string root, IReadOnlyList<int> ports, int httpPort, int httpsPort)
    {
        var c = CultureInfo.InvariantCulture;
        if (ports.Count is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(ports), "one or two nodes");
        site = Replace(site, "server 127.0.0.1:5001 ", string.Create(c, $"server 127.0.0.1:{ports[0]} "), 1);
        site = ports.Count == 2
            ? Replace(site, "server 127.0.0.1:5002 ", string.Create(c, $"server 127.0.0.1:{ports[1]} "), 1)
            : Count(SecondNode(), site, 1).Replace(site, string.Empty);
        site = Replace(site, "listen 80;", string.Create(c, $"listen 127.0.0.1:{httpPort};"), 1);
        site = Replace(site, "listen 443 ssl http2;", string.Create(c, $"listen 127.0.0.1:{httpsPort} ssl http2;"), 1);
        site = Count(Ipv6Listen(), site, 2).Replace(site, string.Empty);
        site = Replace(site, "/etc/ssl/certs/ssl-cert-snakeoil.pem", Path.Combine(root, "site.pem"), 1);
        site = Replace(site, "/etc/ssl/private/ssl-cert-snakeoil.key", Path.Combine(root, "site.key"), 1);
        return Replace(site, "proxy_cache_path /var/lib/nginx/meetingtracker-cache ", $"proxy_cache_path {Path.Combine(root, "cache")} ", 1);
    }

    private static Regex Count(Regex regex, string text, int expected)
    {
        var count = regex.Count(text);
        if (count != expected) throw new InvalidOperationException($"the site has {count} lines matching {regex}, {expected} expected");
        return regex;
    }

    private static string Replace(string text, string what, string with, int expected)
    {
        var count = Regex.Count(text, Regex.Escape(what));
        if (count != expected) throw new InvalidOperationException($"the site has '{what}' {count} times, {expected} expected");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    /// <summary>Debian's nginx.conf defaults that matter, everything under <paramref name="root"/>; as root, workers as nobody (as the deploy tests).</summary>
    private static string MainConf(string root)
    {
        var user = Environment.UserName == "root" ? "user nobody nogroup;" : string.Empty;
        return $$"""
            {{user}}
            worker_processes auto;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 768; }
            http {
                sendfile on;
                tcp_nopush on;
                log_format node '$upstream_addr $status';
                access_log {{root}}/access.log node;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                include {{root}}/meetingtracker.conf;
            }
            """;
    }

    /// <summary>A self-signed certificate for <see cref="SiteName"/>, as PEM files for nginx (as the deploy tests make it).</summary>
    private static void WriteCertificate(string root)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + SiteName, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(SiteName);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllText(Path.Combine(root, "site.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(root, "site.key"), key.ExportPkcs8PrivateKeyPem());
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:5002 [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex SecondNode();

    [GeneratedRegex(@"^\s*listen \[::\]:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Tests.Deploy;

/// <summary>
/// Debian's nginx (<c>/usr/sbin/nginx</c>) running <c>deploy/nginx/meetingtracker.conf</c> in front of two web hosts,
/// each a real process (<c>dotnet exec</c> of the built host, as <c>SigtermTests</c> starts it) on SQLite with its own
/// data folder, over one empty meetbot folder. nginx runs with its prefix, pid, logs and temporary folders in a
/// temporary folder, under a main <c>nginx.conf</c> that includes the site after these substitutions, each of which
/// must match exactly as counted (so a changed site fails here instead of being tested half):
/// the upstream's <c>server 127.0.0.1:5001/5002</c> become the nodes' ports; <c>listen 80</c> and <c>listen 443</c>
/// become free loopback ports and the <c>[::]</c> listens go; the placeholder certificate becomes one made here; the
/// cache folder moves into the temporary folder.
/// </summary>
public sealed partial class NginxRig : IAsyncLifetime
{
    public const string SiteName = "meetings.example.org";

    /// <summary>A loopback address nginx's /jobs rule does not allow.</summary>
    public static readonly IPAddress OutsideClient = IPAddress.Parse("127.0.0.2");

    private readonly string root = Path.Combine(Path.GetTempPath(), "mt-nginx-" + Guid.NewGuid().ToString("N"));
    private Process? nginx;
    private byte[] certificateHash = [];

    public WebNodeProcess[] Nodes { get; private set; } = [];

    public int HttpPort { get; private set; }

    public int HttpsPort { get; private set; }

    public string ErrorLog => File.Exists(Path.Combine(root, "error.log")) ? File.ReadAllText(Path.Combine(root, "error.log")) : "";

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var logs = Path.Combine(root, "logs");
        Directory.CreateDirectory(logs);
        Nodes = [StartNode(Path.Combine(root, "node-1"), logs), StartNode(Path.Combine(root, "node-2"), logs)];
        var ports = new int[Nodes.Length];
        for (var i = 0; i < Nodes.Length; i++) ports[i] = (await Nodes[i].ListeningAsync()).Port;

        HttpPort = FreePort();
        HttpsPort = FreePort();
        WriteCertificate();
        File.WriteAllText(Path.Combine(root, "meetingtracker.conf"), Site(File.ReadAllText(SiteFile()), ports));
        File.WriteAllText(Path.Combine(root, "nginx.conf"), MainConf());

        var test = await RunAsync(NginxStart("-t"));
        Assert.True(test.ExitCode == 0, "nginx -t: " + test.Output);
        nginx = Process.Start(NginxStart("-g", "daemon off;"))!;
        await WaitForPortAsync(HttpsPort);
        await WaitForPortAsync(HttpPort);
    }

    public async ValueTask DisposeAsync()
    {
        if (nginx is not null)
        {
            if (!nginx.HasExited) nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync(CancellationToken.None);
            nginx.Dispose();
        }

        foreach (var node in Nodes) await node.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// A client of the site as <c>https://meetings.example.org</c> (or <c>http://</c>) whose connections go to nginx's
    /// loopback ports from <paramref name="from"/> (default 127.0.0.1); redirects are not followed, the certificate made
    /// here is the only one accepted.
    /// </summary>
    public HttpClient Client(IPAddress? from = null, bool https = true)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(certificateHash),
            },
        };
        var baseAddress = https ? $"https://{SiteName}:{HttpsPort}/" : $"http://{SiteName}:{HttpPort}/";
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseAddress) };
    }

    /// <summary>The repository's <c>deploy/nginx/meetingtracker.conf</c>, found above the test's folder.</summary>
    private static string SiteFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeetingTracker.sln"))) return Path.Combine(dir.FullName, "deploy", "nginx", "meetingtracker.conf");
        }

        throw new InvalidOperationException("no MeetingTracker.sln above " + AppContext.BaseDirectory);
    }

    private string Site(string site, int[] ports)
    {
        site = Replace(site, "server 127.0.0.1:5001 ", $"server 127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)} ", 1);
        site = Replace(site, "server 127.0.0.1:5002 ", $"server 127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)} ", 1);
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)};", 1);
        site = Replace(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort.ToString(CultureInfo.InvariantCulture)} ssl http2;", 1);
        var ipv6 = Ipv6Listen().Count(site);
        Assert.True(ipv6 == 2, $"{ipv6} IPv6 listen lines in the site, 2 expected");
        site = Ipv6Listen().Replace(site, "");
        site = Replace(site, "/etc/ssl/certs/ssl-cert-snakeoil.pem", Path.Combine(root, "site.pem"), 1);
        site = Replace(site, "/etc/ssl/private/ssl-cert-snakeoil.key", Path.Combine(root, "site.key"), 1);
        return Replace(site, "proxy_cache_path /var/lib/nginx/meetingtracker-cache ", $"proxy_cache_path {Path.Combine(root, "cache")} ", 1);
    }

    private static string Replace(string text, string what, string with, int expected)
    {
        var count = Regex.Count(text, Regex.Escape(what));
        Assert.True(count == expected, $"the site has '{what}' {count} times, {expected} expected");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    /// <summary>What the test's nginx needs besides the site: everything under the temporary folder; as root, workers as nobody.</summary>
    private string MainConf()
    {
        var user = Environment.UserName == "root" ? "user nobody nogroup;" : "";
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log notice;
            events { worker_connections 256; }
            http {
                access_log {{root}}/access.log;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                include {{root}}/meetingtracker.conf;
            }
            """;
    }

    private ProcessStartInfo NginxStart(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-p", root + "/", "-c", Path.Combine(root, "nginx.conf"), .. args]) start.ArgumentList.Add(arg);
        return start;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private async Task WaitForPortAsync(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(nginx!.HasExited, "nginx exited: " + ErrorLog);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A self-signed certificate for <see cref="SiteName"/>, as PEM files for nginx.</summary>
    private void WriteCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + SiteName, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(SiteName);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        certificateHash = certificate.GetCertHash(HashAlgorithmName.SHA256);
        File.WriteAllText(Path.Combine(root, "site.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(root, "site.key"), key.ExportPkcs8PrivateKeyPem());
    }

    [GeneratedRegex(@"^\s*listen \[::\]:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();

    /// <summary>A node on SQLite in its own data folder over an empty source, logging each request it answers.</summary>
    private static WebNodeProcess StartNode(string dataDir, string logs) => WebNodeProcess.Start(Path.GetFileName(dataDir), dataDir, new Dictionary<string, string?>
    {
        ["MeetingTracker__Sources__0__Name"] = "empty",
        ["MeetingTracker__Sources__0__Location"] = logs,
        ["MeetingTracker__Sources__0__Schedule"] = "0 3 * * *",
        ["Logging__LogLevel__Default"] = "Warning",

        // "Request starting HTTP/1.1 GET http://meetings.example.org/teams?probe=1 - - -": which node answered.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    });
}

using System.Diagnostics;
using System.Globalization;

namespace MeetingTracker.Bench.Http;

/// <summary>The two servers measured: the web host over the corpus's data folder, and nginx over its raw tree.</summary>
public static class Servers
{
    /// <summary>
    /// The web host as a user runs it (<c>dotnet run -c Release</c>, Production environment, warnings-only logging),
    /// over <paramref name="dataDir"/>. Its one source is the corpus's, already harvested, so it does not harvest.
    /// <paramref name="settings"/> are more <c>--key value</c> pairs (another source, log levels).
    /// </summary>
    public static ServerProcess StartWebHost(string repo, string dataDir, string tree, string sourceName, int port, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo };
        foreach (var arg in new[]
        {
            "run", "--project", Path.Combine(repo, "src", "MeetingTracker.Web"), "-c", "Release", "--no-launch-profile", "--",
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--MeetingTracker:DataDir", dataDir,
            "--MeetingTracker:Sources:0:Name", sourceName,
            "--MeetingTracker:Sources:0:Location", tree,
            "--MeetingTracker:Sources:0:Schedule", "0 3 1 1 *",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Hangfire", "Warning",
        }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return ServerProcess.Start(start);
    }

    /// <summary>Debian's nginx with its defaults that matter here (workers = cores, sendfile, keep-alive) over <paramref name="root"/>.</summary>
    public static ServerProcess StartNginx(string work, string root, int port)
    {
        var prefix = Path.Combine(work, "nginx");
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        var config = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            worker_processes auto;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
                include /etc/nginx/mime.types;
                sendfile on;
                tcp_nopush on;
                keepalive_timeout 65;
                keepalive_requests 100000;
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                }
            }
            """));
        var start = new ProcessStartInfo("/usr/sbin/nginx");
        foreach (var arg in new[] { "-p", prefix, "-c", config }) start.ArgumentList.Add(arg);
        return ServerProcess.Start(start);
    }
}

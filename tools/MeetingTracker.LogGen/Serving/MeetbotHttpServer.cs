using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// A static meetbot server on Kestrel (127.0.0.1): the tree under <c>/meetbot/</c>, files with ETag and
/// Last-Modified (ASP.NET's static files, which answer conditional requests with 304), folders as listings in
/// the chosen style. Other paths on the host answer 404, so tests can point links off the base.
/// </summary>
public sealed class MeetbotHttpServer : IAsyncDisposable
{
    private const string BasePath = "/meetbot";

    private readonly WebApplication app;
    private readonly SymlinkFileProvider files;

    private MeetbotHttpServer(WebApplication app, SymlinkFileProvider files, Uri baseUri, ServerLog log, FaultPlan faults)
    {
        this.app = app;
        this.files = files;
        BaseUri = baseUri;
        Log = log;
        Faults = faults;
    }

    /// <summary>The listing root, e.g. <c>http://127.0.0.1:PORT/meetbot/</c>.</summary>
    public Uri BaseUri { get; }

    public ServerLog Log { get; }

    public FaultPlan Faults { get; }

    /// <summary>Serves <paramref name="root"/> on 127.0.0.1 (<paramref name="port"/> 0: any free port).</summary>
    public static async Task<MeetbotHttpServer> StartAsync(string root, ListingStyle style, CancellationToken cancellationToken, int port = 0)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"No folder to serve: {full}");

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = full });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        var log = new ServerLog();
        var faults = new FaultPlan();
        var recorder = new RequestRecorder(log, faults, BasePath);
        var listings = new DirectoryListings(full, BasePath, style);
        var files = new SymlinkFileProvider(full);
        app.Use(recorder.InvokeAsync);
        app.Use(listings.InvokeAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = BasePath,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            files.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MeetbotHttpServer(app, files, new Uri(address.TrimEnd('/') + BasePath + "/"), log, faults);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        files.Dispose();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// Answers folder requests with a listing page in the chosen style. Unlike stock Apache and nginx the page
/// carries an ETag and Last-Modified derived from its entries and answers conditional requests with 304, so a
/// harvester revalidating an unchanged tree costs no bodies. A folder with an <c>index.html</c> is answered with that
/// page instead (Apache's <c>DirectoryIndex</c>), which lets tests hand-write a listing.
/// </summary>
internal sealed class DirectoryListings(string root, PathString basePath, ListingStyle style)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(basePath, out var rest)
            || Resolve(rest.Value) is not { } folder)
        {
            return next(context);
        }

        var escapedPath = request.Path.ToUriComponent();
        if (!escapedPath.EndsWith('/'))
        {
            // What both servers do for a folder asked without its slash, so relative links resolve.
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = escapedPath + "/";
            return Task.CompletedTask;
        }

        if (File.Exists(Path.Combine(folder, "index.html")))
        {
            // Apache's DirectoryIndex: a folder's own index page stands in for the listing.
            request.Path += "index.html";
            return next(context);
        }

        return WriteAsync(context, folder, request.Path.Value!, escapedPath);
    }

    private async Task WriteAsync(HttpContext context, string folder, string path, string escapedPath)
    {
        var items = DirectoryItem.Read(folder);
        var (etag, lastModified) = Validators(folder, items);
        var response = context.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        if (IsNotModified(context.Request.GetTypedHeaders(), etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var parent = escapedPath[..(escapedPath.TrimEnd('/').LastIndexOf('/') + 1)];
        var html = style switch
        {
            ListingStyle.Apache => ApacheListing.Render(path, parent, items),
            ListingStyle.Nginx => NginxListing.Render(path, items),
            _ => PlainListing.Render(path, parent, items),
        };
        var body = Encoding.UTF8.GetBytes(html);
        // Sent chunked, without Content-Length, as both servers send listings.
        context.Response.ContentType = "text/html;charset=UTF-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            // Headers first, or Kestrel would add a Content-Length for a body written in one go.
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private string? Resolve(string? relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, (relative ?? string.Empty).TrimStart('/')));
        var inside = full.TrimEnd(Path.DirectorySeparatorChar) == root.TrimEnd(Path.DirectorySeparatorChar)
            || full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && Directory.Exists(full) ? full : null;
    }

    private static (EntityTagHeaderValue ETag, DateTimeOffset LastModified) Validators(string folder, List<DirectoryItem> items)
    {
        var text = new StringBuilder();
        var newest = Directory.GetLastWriteTimeUtc(folder);
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Name}\0{item.IsFolder}\0{item.Size}\0{item.ModifiedUtc.Ticks}\n");
            if (item.ModifiedUtc > newest) newest = item.ModifiedUtc;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        var seconds = new DateTimeOffset(newest.Ticks - (newest.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return (new EntityTagHeaderValue($"\"{hash}\""), seconds);
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}

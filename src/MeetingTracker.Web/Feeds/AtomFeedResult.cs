using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace MeetingTracker.Web.Feeds;

/// <summary>
/// Writes a feed as Atom 1.0. The formatter only writes synchronously and Kestrel refuses synchronous writes to the
/// response, so the XML goes to a memory buffer (a feed is tens of kilobytes) that is then copied asynchronously.
/// </summary>
public sealed class AtomFeedResult(SyndicationFeed feed) : IResult
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public SyndicationFeed Feed { get; } = feed;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
        await using (var xml = XmlWriter.Create(buffer, settings))
        {
            new Atom10FeedFormatter(Feed).WriteTo(xml);
            await xml.FlushAsync();
        }

        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
    }
}

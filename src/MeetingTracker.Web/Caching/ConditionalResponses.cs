using System.Buffers.Text;
using System.Security.Cryptography;
using MeetingTracker.Core.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// Validators for the pages under the page cache, placed right inside it: the answer is buffered, a strong ETag made
/// from its bytes (SHA-256) and a Last-Modified set before the first byte goes out, so the page cache stores them with
/// the page and answers a revisit that presents either with a 304 (ASP.NET Core's output cache does); a render
/// that matches what the client holds is a 304 here. Cache-Control says who may keep it: a shared answer
/// <c>public, no-cache</c> (a reverse proxy or browser keeps it and revalidates each time, which costs a 304), varied
/// by Cookie; an answer that set a cookie <c>private, no-cache</c>. Signed-in answers are left as they are (their
/// antiforgery token makes them <c>no-cache, no-store</c>). A render that overlapped an eviction, or used a stale
/// answer (<see cref="StaleAnswers"/>) with no harvest of this process running to evict it at its end, is served but
/// not stored.
/// </summary>
public sealed class ConditionalResponses(RequestDelegate next, PageCacheEviction eviction, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // Only shared answers: a signed-in page carries a fresh antiforgery token each time (never the same bytes twice)
        // and says itself that it is not to be stored; buffering and hashing it would only cost.
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { EnableOutputCaching: true } cache || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }

        var generation = eviction.Generation;
        var watch = StaleAnswers.Begin();
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if ((watch.Stale && !eviction.HarvestRunning) || eviction.Generation != generation) cache.AllowCacheStorage = false;
        if (response.StatusCode == StatusCodes.Status200OK && !response.HasStarted)
        {
            var tag = '"' + Base64Url.EncodeToString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).AsSpan(0, 18)) + '"';
            var headers = response.Headers;
            headers.ETag = tag;
            headers.LastModified = HeaderUtilities.FormatDate(clock.GetUtcNow());
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers.CacheControl = cache.EnableOutputCaching && !headers.ContainsKey(HeaderNames.SetCookie) ? "public, no-cache" : "private, no-cache";
            }

            headers.Append(HeaderNames.Vary, HeaderNames.Cookie);
            if (Matches(request.Headers.IfNoneMatch, tag))
            {
                cache.AllowCacheStorage = false;
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (!response.HasStarted && (buffer.Length > 0 || !HttpMethods.IsHead(request.Method))) response.ContentLength = buffer.Length;
        if (buffer.Length > 0 && !HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var ours = new EntityTagHeaderValue(tag);
        foreach (var candidate in tags)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false)) return true;
        }

        return false;
    }
}

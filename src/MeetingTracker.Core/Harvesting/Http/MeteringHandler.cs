using System.Buffers;
using System.Globalization;
using System.Net;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// Below the resilience handler, so once per attempt: counts the request, a 304 and a body, and reads a success
/// body into memory within the limit. A too-large body is refused from its Content-Length without being read, or
/// cut off once it grows past the limit; a body that breaks off mid-way surfaces as an
/// <see cref="HttpRequestException"/>, so the attempt's time-out and the retries cover the body too.
/// </summary>
internal sealed class MeteringHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tag = RequestTag.Of(request);
        tag?.Traffic.CountRequest();
        var response = await base.SendAsync(request, cancellationToken);
        if (tag is null) return response;
        if (response.StatusCode == HttpStatusCode.NotModified) tag.Traffic.CountNotModified();
        if (!response.IsSuccessStatusCode) return response;

        try
        {
            var body = await ReadAsync(response.Content, tag.MaxBytes, cancellationToken);
            tag.Traffic.CountBody(body.Length);
            var content = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = content;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"file is {length} bytes, over the limit of {maxBytes}"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            using var body = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 16384, maxBytes));
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"body grew past the limit of {maxBytes} bytes"));
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
        catch (IOException e)
        {
            throw new HttpRequestException($"body broke off: {e.Message}", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

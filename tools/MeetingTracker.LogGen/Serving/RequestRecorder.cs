using Microsoft.AspNetCore.Http;

namespace MeetingTracker.LogGen.Serving;

/// <summary>First middleware: logs each request and injects the planned faults.</summary>
internal sealed class RequestRecorder(ServerLog log, FaultPlan faults, PathString basePath)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var absolute = path.Value ?? "/";
        var entry = log.Begin(context.Request.Method, absolute, context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);
        context.Response.OnStarting(() =>
        {
            log.Started(entry, context.Response.StatusCode);
            return Task.CompletedTask;
        });

        var body = context.Response.Body;
        context.Response.Body = new CountingStream(body, count => log.Wrote(entry, count));
        try
        {
            var relative = path.StartsWithSegments(basePath, out var rest) ? (rest.Value ?? string.Empty).TrimStart('/') : null;
            var (delay, status) = faults.Take(relative, absolute);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (status is { } fail)
            {
                context.Response.StatusCode = fail;
                context.Response.ContentLength = 0;
                return;
            }

            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    }
}

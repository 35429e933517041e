using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The limit on the account forms that guess or spam (sign in, register, forgot, reset): <see cref="PermitLimit"/>
/// POSTs per <see cref="Window"/> per client address and form; reading the forms (GET) is never limited.
/// Pages opt in with <c>[EnableRateLimiting(AccountFormsRateLimit.Policy)]</c>.
/// </summary>
public sealed class AccountFormsRateLimit : IRateLimiterPolicy<string>
{
    public const string Policy = "account-forms";
    public const int PermitLimit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        // The address UseForwardedHeaders resolved (trusted from a local proxy only).
        var key = $"{httpContext.Connection.RemoteIpAddress}|{httpContext.Request.Path.Value?.ToUpperInvariant()}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitLimit,
            Window = Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · MeetingTracker</title></head>"
            + "<body><h1>Too many attempts</h1><p>Please wait a minute, then try again.</p><p><a href=\"/\">MeetingTracker</a></p></body></html>",
            cancellationToken);
    }
}

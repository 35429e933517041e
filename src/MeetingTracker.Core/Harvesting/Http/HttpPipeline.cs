using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// The resilience pipeline of one source, outermost first: retries (5xx, 408, 429, connection failures and
/// attempt time-outs; exponential back-off with jitter, honouring Retry-After up to a minute), the rate
/// limiter (each attempt takes a token), then the time-out of one attempt.
/// </summary>
internal static partial class HttpPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(HttpClientSettings settings, RateLimiter? limiter, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(1) > settings.RetryDelay ? TimeSpan.FromMinutes(1) : settings.RetryDelay,
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    RequestTag.Of(request)?.Traffic.CountRetry();
                    var why = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    LogRetry(logger, settings.Name, request?.RequestUri, why, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        if (limiter is not null) builder.AddRateLimiter(limiter);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.RequestTimeout });
        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source}: {Uri} failed ({Why}); attempt {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string source, Uri? uri, string why, int attempt, TimeSpan delay);
}

using Microsoft.Extensions.Configuration;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// The settings the web host reads, taken from environment variables by the web host's names
/// (<c>MeetingTracker__Mail__Smtp__Host</c>, <c>MeetingTracker__PublicUrl</c> …), so one environment serves both.
/// </summary>
internal static class CliConfiguration
{
    public const string PublicUrlVariable = "MeetingTracker__PublicUrl";

    /// <param name="environment">Variables laid over the process's, by the same names (the tests' in-process runs).</param>
    public static IConfiguration Build(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (environment is not null)
        {
            builder.AddInMemoryCollection(environment.Select(v => KeyValuePair.Create(v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value)));
        }

        return builder.Build();
    }

    /// <summary>The site's public address (<c>MeetingTracker:PublicUrl</c>): null when not set; an error when not an absolute http(s) URL.</summary>
    public static (Uri? Url, string? Error) PublicUrl(IConfiguration configuration)
    {
        var text = configuration["MeetingTracker:PublicUrl"];
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return WebUrl(text) is { } url ? (url, null) : (null, $"{PublicUrlVariable} is not an absolute http(s) URL: {text}");
    }

    /// <summary>An absolute http(s) URL, or null.</summary>
    public static Uri? WebUrl(string text)
        => Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;
}

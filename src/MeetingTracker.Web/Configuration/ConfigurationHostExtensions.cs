using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Configuration;

public static class ConfigurationHostExtensions
{
    /// <summary>
    /// Binds <see cref="MeetingTrackerOptions"/> from the <c>MeetingTracker</c> section, resolves relative paths
    /// against the content root and validates on start.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingTrackerOptions(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<MeetingTrackerOptions>()
            .BindConfiguration(MeetingTrackerOptions.Section)
            .PostConfigure(o => Resolve(o, contentRoot))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MeetingTrackerOptions>, MeetingTrackerOptionsValidator>();
        return builder;
    }

    /// <summary>The data folder (full path), for registrations that need it before the options exist.</summary>
    public static string MeetingTrackerDataDir(this IHostApplicationBuilder builder)
        => MeetingTrackerOptions.ResolveDataDir(builder.Configuration[$"{MeetingTrackerOptions.Section}:DataDir"], builder.Environment.ContentRootPath);

    /// <summary>
    /// The database (<c>MeetingTracker:Database</c>), for registrations that need it before the options exist; a setting
    /// that cannot work stops the start with its reason.
    /// </summary>
    public static Core.Storage.DatabaseOptions MeetingTrackerDatabase(this IHostApplicationBuilder builder)
        => Core.Storage.DatabaseOptions.From(builder.Configuration);

    private static void Resolve(MeetingTrackerOptions options, string contentRoot)
    {
        options.DataDir = MeetingTrackerOptions.ResolveDataDir(options.DataDir, contentRoot);
        foreach (var source in options.Sources)
        {
            if (!string.IsNullOrWhiteSpace(source.Location) && !source.Location.Contains("://", StringComparison.Ordinal))
            {
                source.Location = Path.GetFullPath(source.Location, contentRoot);
            }
        }
    }
}

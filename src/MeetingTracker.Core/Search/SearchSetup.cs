using System.Threading.Channels;
using MeetingTracker.Core.Harvesting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Search;

public static partial class SearchSetup
{
    public const string IndexFolder = "index";

    /// <summary>The index in <c>{dataDir}/index</c>, its indexer (told after every harvest) and the search service.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        var folder = Path.Combine(Path.GetFullPath(dataDir), IndexFolder);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetService<IOptions<SearchIndexOptions>>()?.Value ?? new SearchIndexOptions();
            return new SearchIndex(folder, sp.GetRequiredService<ILogger<SearchIndex>>(), options.WriteBufferMB, options.MapFiles);
        });
        services.TryAddSingleton<SearchIndexer>();
        services.TryAddSingleton<SearchService>();
        services.AddSingleton<IMeetingsChangedHandler, SearchCatchUp>();
        return services;
    }

    /// <summary>
    /// Tells the indexer during a harvest (each meeting as it is written) and after it (the catch-up). The index is
    /// opened only then, and one process writes it at a time: when another process (the web host) holds it, that one
    /// takes the meetings up from their change numbers.
    /// </summary>
    private sealed partial class SearchCatchUp(IServiceProvider services, ILogger<SearchCatchUp> logger) : IMeetingsChangedHandler, IWrittenMeetingsFollower
    {
        public async Task FollowAsync(ChannelReader<WrittenMeeting> written, CancellationToken cancellationToken)
        {
            try
            {
                await services.GetRequiredService<SearchIndexer>().FollowAsync(written, cancellationToken);
            }
            catch (Lucene.Net.Store.LockObtainFailedException e)
            {
                LogBusy(e.Message);
            }
        }

        public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
        {
            try
            {
                await services.GetRequiredService<SearchIndexer>().IndexPendingAsync(cancellationToken);
            }
            catch (Lucene.Net.Store.LockObtainFailedException e)
            {
                LogBusy(e.Message);
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Search index in use by another process ({Reason}): it will index the new meetings from their change numbers")]
        private partial void LogBusy(string reason);
    }
}

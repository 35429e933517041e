using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Search;

/// <summary>What the search page and <c>GET /api/search</c> show: the service's results and the meetings they name.</summary>
public sealed record SearchView(SearchResults Results, IReadOnlyDictionary<int, MeetingInfo> Meetings)
{
    public int Pages => Math.Max(1, (Results.TotalMeetings + Results.PageSize - 1) / Results.PageSize);
}

/// <summary>A result's meeting as the database has it (the index keeps only its key and team).</summary>
public sealed record MeetingInfo(int Id, string TeamName, string? Title, DateTimeOffset StartedAt);

/// <summary>
/// Runs searches for the page and the API, and keeps each answer for <see cref="Lifetime"/> (then serves it while it is
/// renewed behind it, see <see cref="AnswerCache"/>): a page of results costs a few milliseconds of CPU (stored fields
/// and highlighting of every hit shown), and the same query comes back as people page through it, toggle its facets
/// and share its link. Renewed before a harvest in this process ends (after the index took its meetings in: the
/// indexer is an earlier listener); an import by another process shows within a minute or two, as the index itself
/// takes it up every minute.
/// </summary>
public sealed class SearchQueries(SearchService search, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock) : IMeetingsChangedHandler
{
    /// <summary>Meetings shown on one results page.</summary>
    public const int PageSize = 10;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly AnswerCache answers = new(clock, Lifetime, maxEntries: 1_000);

    /// <summary>The results of <paramref name="request"/>; <paramref name="cancellationToken"/> only stops this caller's wait.</summary>
    public Task<SearchView> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return answers.GetAsync(request, _ => RunAsync(request), cancellationToken);
    }

    public Task MeetingsChangedAsync(CancellationToken cancellationToken) => answers.MeetingsChangedAsync(cancellationToken);

    /// <summary>The last build of <paramref name="request"/>'s answer (a test waits for it).</summary>
    internal Task LastBuild(SearchRequest request) => answers.LastBuild(request);

    // The titles of the page's meetings are read in one query by primary key.
    private async Task<SearchView> RunAsync(SearchRequest request)
    {
        var results = await search.SearchAsync(request, CancellationToken.None);
        if (results.Meetings.Count == 0)
        {
            return new SearchView(results, new Dictionary<int, MeetingInfo>());
        }

        var ids = results.Meetings.Select(m => m.MeetingId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new MeetingInfo(m.Id, m.Team!.Name, m.Title, m.StartedAt))
            .ToDictionaryAsync(m => m.Id, CancellationToken.None);
        return new SearchView(results, meetings);
    }
}

using Microsoft.Extensions.Configuration;
using System.CommandLine;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary><c>reindex [--data DIR]</c>: rebuilds the search index from the database.</summary>
internal static class ReindexCommand
{
    /// <summary>What the verb says on standard error when the index is open and the rebuild begins.</summary>
    public const string Started = "meetingtracker: rebuilding the search index from the database…";

    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var command = new Command("reindex", "Rebuild the search index from the database.") { data };
        command.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            try
            {
                // On standard error, so the summary stays the only line on standard output: a rebuild of a large
                // installation takes a while, and whoever waits (or a test that stops it mid-way) knows it began.
                stderr.WriteLine(Started);
                var meetings = await services.GetRequiredService<SearchIndexer>().RebuildAsync(token);
                stdout.WriteLine($"reindexed {meetings} meetings, {services.GetRequiredService<SearchIndex>().DocumentCount} documents");
                return 0;
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                stderr.WriteLine("meetingtracker: the search index is in use by another process (the web host?); stop it or let it reindex");
                return 1;
            }
        });
        return command;
    }
}

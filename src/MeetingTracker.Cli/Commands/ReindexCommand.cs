using Microsoft.Extensions.Configuration;
using System.CommandLine;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary><c>reindex [--data DIR]</c>: rebuilds the search index from the database.</summary>
internal static class ReindexCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var command = new Command("reindex", "Rebuild the search index from the database.") { data };
        command.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            try
            {
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

using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;

namespace MeetingTracker.Core.Tests.Search;

/// <summary>Three small meetings of two teams, harvested for real (which indexes them), shared by a test class.</summary>
public sealed class SearchCorpus : IAsyncLifetime
{
    private readonly TempDir tree = new();

    internal HarvestHost Host { get; private set; } = null!;

    internal string Root => tree.Path;

    internal SourceOptions Source => new() { Name = "s", Location = tree.Path };

    public const string InfraLog = """
        16:00:00 <bob> #startmeeting infra
        16:00:02 <bob> #meetingname infra
        16:00:03 <bob> #topic Mirror rotation
        16:00:05 <bob_> the café mirror is slow again
        16:00:06 <alice> #action bob to rotate the mirror keys
        16:00:07 <alice> <script>alert(1)</script> mirror page broke
        16:00:08 <carol> #idea move the builders to the new cluster
        16:00:09 <bob> #endmeeting
        """;

    public const string InfraLog2 = """
        16:00:00 <bob> #startmeeting infra
        16:00:02 <bob> #meetingname infra
        16:00:05 <bob|away> CAFÉ opens at nine
        16:00:06 <alice> #agreed the mirror stays frozen until release
        16:00:09 <bob> #endmeeting
        """;

    public const string DocsLog = """
        09:00:00 <dana> #startmeeting docs
        09:00:02 <dana> #meetingname docs
        09:00:04 <dana> #info the release notes are due Friday
        09:00:05 <erin> #help someone to proofread the release notes
        09:00:06 <dana> #link https://docs.example.org/release
        09:00:09 <dana> #endmeeting
        """;

    public async ValueTask InitializeAsync()
    {
        tree.Write("fedora-meeting/2025-12-01/infra.2025-12-01-16.00.log.txt", Unix(InfraLog));
        tree.Write("fedora-meeting/2026-03-02/infra.2026-03-02-16.00.log.txt", Unix(InfraLog2));
        tree.Write("fedora-docs/2026-03-03/docs.2026-03-03-09.00.log.txt", Unix(DocsLog));
        Host = await HarvestHost.StartAsync(TestContext.Current.CancellationToken);
        await Host.HarvestAsync(Source, TestContext.Current.CancellationToken);
    }

    internal Task<SearchResults> SearchAsync(string query, SearchOrder order = SearchOrder.Relevance, int page = 1, int size = 10)
        => Host.Search().SearchAsync(new SearchRequest(query, page, size, order), TestContext.Current.CancellationToken);

    internal static string Unix(string log) => log.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        tree.Dispose();
    }
}

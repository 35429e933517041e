using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.LogGen.Generation;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>Per-source include/exclude patterns and start date.</summary>
public sealed class FilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fedora-meeting/2026-01-05/infra.2026-01-05-16.00.log.txt", true)]
    [InlineData("fedora-meeting/2025-12-29/infra.2025-12-29-16.00.log.txt", false)]
    [InlineData("teams/infra/infra.2026-01-05-16.00.log.txt", false)]
    [InlineData("fedora-qa/2026-01-06/qa.2026-01-06-16.00.html", false)]
    [InlineData("fedora-meeting/2026-01-05/design.2026-01-05-16.00.html", true)]
    [InlineData("fedora-meeting/2026-01-05/README.txt", false)]
    public void Exclude_and_since_apply_to_channel_folders_names_and_dates(string path, bool allowed)
    {
        var filter = new SourceFilter([], ["teams", "qa*"], new DateOnly(2026, 1, 1));

        Assert.Equal(allowed, filter.AllowsFile(path));
    }

    [Theory]
    [InlineData("infra-team/2026/infra-team.2026-01-05-16.00.log.txt", true)]
    [InlineData("docs/2026/docs.2026-01-05-16.00.log.txt", false)]
    [InlineData("fedora-meeting/2026-01-05/infra-team.2026-01-05-16.00.log.txt", true)]
    public void Include_matches_a_channel_or_a_meeting_name(string path, bool allowed)
        => Assert.Equal(allowed, new SourceFilter(["infra*"], [], null).AllowsFile(path));

    [Theory]
    [InlineData("", true)]
    [InlineData("teams", false)]
    [InlineData("fedora-meeting/2025-12-31", false)]
    [InlineData("fedora-meeting/2026-01-01/", true)]
    [InlineData("tc/2025", false)]
    [InlineData("tc/2026", true)]
    public void Folders_are_pruned_before_they_are_listed(string folder, bool allowed)
        => Assert.Equal(allowed, new SourceFilter([], ["teams"], new DateOnly(2026, 1, 1)).AllowsFolder(folder));

    [Fact]
    public async Task A_harvest_keeps_only_what_the_filters_allow()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 3, Weeks = 4, Seed = 13, Start = new DateOnly(2026, 3, 2) });
        var since = new DateOnly(2026, 3, 16);
        var excludedTeam = tree.Meetings[0].BaseName[..tree.Meetings[0].BaseName.IndexOf('.', StringComparison.Ordinal)];
        var expected = tree.Meetings
            .Select(m => MeetingFileName.TryParse(m.RelativePath(MeetbotFormat.LogTxt))!)
            .Where(n => n.Date >= since && !string.Equals(n.Name, excludedTeam, StringComparison.OrdinalIgnoreCase))
            .Select(n => n.MeetingKey)
            .Order(StringComparer.Ordinal)
            .ToList();
        var source = FolderHarvestTests.Folder(tree.Root);
        source.Exclude.Add(excludedTeam);
        source.Since = since;
        await using var host = await HarvestHost.StartAsync(Ct);

        await host.HarvestAsync(source, Ct);

        await using var db = host.Db();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await db.Meetings.Select(m => m.MeetingKey).ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }
}

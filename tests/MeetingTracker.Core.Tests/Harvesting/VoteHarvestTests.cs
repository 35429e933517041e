using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Tests.Cli;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>A vote's record is stored with its item in a real SQLite file and follows a re-read, the item keeping its id.</summary>
public sealed class VoteHarvestTests
{
    private const string Log = """
        19:27 <bob> #startmeeting DMB
        19:27 <meetingology> Meeting started at 19:27:04 UTC.  The chair is bob.  Information about MeetBot at https://wiki.ubuntu.com/meetingology
        19:30 <bob> #vote Should alice become MOTU?
        19:30 <bob> +1
        19:31 <carol> -1
        19:32 <bob> #endvote
        19:40 <bob> #endmeeting
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vote_is_stored_with_its_item_and_a_reread_updates_it_in_place()
    {
        using var dir = new TempDir();
        var file = dir.Write("ubuntu-meeting/2014/ubuntu-meeting.2014-03-24-19.27.log.txt", Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(FolderHarvestTests.Folder(dir.Path), Ct);
        var before = await VoteItem(host);

        File.WriteAllText(file, Log.Replace("19:32 <bob> #endvote", "19:31 <dave> +1\n19:32 <bob> #endvote", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.HarvestAsync(FolderHarvestTests.Folder(dir.Path), Ct);
        var after = await VoteItem(host);

        Assert.Equal(("Should alice become MOTU? (Carried)", "Should alice become MOTU?", VoteOutcomes.Carried), (before.Text, before.Vote!.Question, before.Vote.Outcome));
        Assert.Equal((1, 1, 0, "bob carol"), (before.Vote.For ?? -1, before.Vote.Against ?? -1, before.Vote.Abstained ?? -1, before.Vote.Voters));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal((2, 1, "bob carol dave"), (after.Vote!.For ?? -1, after.Vote.Against ?? -1, after.Vote.Voters));
    }

    private static async Task<Core.Meetings.Item> VoteItem(HarvestHost host)
    {
        await using var db = host.Db();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Kind == ItemKind.Vote, Ct);
    }
}

using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.LogGen.Generation;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>The harvester over a local folder, into a real SQLite file: first run, re-runs, changes, re-reads.</summary>
public sealed class FolderHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static SourceOptions Folder(string root) => new() { Name = "test", Location = root };

    [Fact]
    public async Task First_harvest_stores_every_meeting_with_its_lines_items_people_and_files()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 3, Weeks = 4, Seed = 7 });
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(Folder(tree.Root), Ct);

        Assert.Equal(HarvestStatus.Succeeded, summary.Status);
        Assert.Equal($"meetings: {tree.Summary.Meetings} new, 0 updated, 0 unchanged, 0 failed", summary.MeetingsLine);
        await using var db = host.Db();
        var stored = await db.Meetings.Include(m => m.Items).ToDictionaryAsync(m => m.MeetingKey, Ct);
        Assert.Equal(tree.Summary.Meetings, stored.Count);
        foreach (var generated in tree.Meetings)
        {
            var key = MeetingFileName.TryParse(generated.RelativePath(MeetbotFormat.LogTxt))!.MeetingKey;
            var meeting = stored[key];
            Assert.Equal(generated.Meeting.Lines.Count, meeting.LineCount);
            Assert.Equal(generated.Meeting.Lines.Count, await db.Lines.CountAsync(l => l.MeetingId == meeting.Id, Ct));
            Assert.Equal(generated.Meeting.Items.Select(i => (i.Kind, IrcText.Clean(i.Text))), meeting.Items.OrderBy(i => i.Ordinal).Select(i => (i.Kind, i.Text)));
            Assert.Equal(generated.Meeting.IsComplete, meeting.IsComplete);
            Assert.Equal(generated.Write().Files.Count, await db.Files.CountAsync(f => f.MeetingId == meeting.Id, Ct));
        }

        Assert.Equal(3, await db.Teams.CountAsync(Ct));
        var bots = tree.Meetings.SelectMany(g => g.Meeting.Lines).Where(l => l.Text.StartsWith("Meeting started", StringComparison.Ordinal)).Select(l => l.Nick).ToHashSet();
        Assert.NotEmpty(bots);
        Assert.DoesNotContain(await db.PersonAliases.Select(a => a.Nick).ToListAsync(Ct), bots.Contains);
    }

    [Fact]
    public async Task Second_harvest_reads_no_file_and_changes_nothing()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 3, Seed = 3 });
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Folder(tree.Root), Ct);
        var before = await Snapshot(host);
        host.Clock.Advance(TimeSpan.FromHours(1));

        var second = await host.HarvestAsync(Folder(tree.Root), Ct);

        Assert.Equal($"meetings: 0 new, 0 updated, {tree.Summary.Meetings} unchanged, 0 failed", second.MeetingsLine);
        Assert.Equal(0, second.FilesFetched);
        Assert.Equal(before, await Snapshot(host));
    }

    [Fact]
    public async Task Added_and_changed_files_are_picked_up_and_items_keep_their_ids()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 3, Seed = 5, IncludeUnfinished = false });
        var last = tree.Meetings[^1];
        var heldBack = Path.Combine(tree.Root, "..", Path.GetFileName(tree.Root) + "-held");
        Directory.Move(tree.PathOf(last.Directory), heldBack);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Folder(tree.Root), Ct);
        var itemIds = await ItemIds(host);

        Directory.Move(heldBack, tree.PathOf(last.Directory));
        var edited = tree.Meetings[0];
        var log = tree.PathOf(edited.RelativePath(MeetbotFormat.LogTxt));
        var lines = File.ReadAllLines(log);
        var info = Array.FindIndex(lines, l => l.Contains("> #info ", StringComparison.Ordinal));
        lines[info] += " (edited)";
        File.WriteAllLines(log, lines);

        var summary = await host.HarvestAsync(Folder(tree.Root), Ct);

        Assert.Equal(1, summary.New);
        Assert.True(summary.Updated >= 1, summary.MeetingsLine);
        Assert.Equal(0, summary.Failed);
        await using var db = host.Db();
        Assert.Contains(await db.Items.Select(i => i.Text).ToListAsync(Ct), t => t.EndsWith(" (edited)", StringComparison.Ordinal));
        var after = await ItemIds(host);
        Assert.All(itemIds, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    [Fact]
    public async Task A_raised_parser_version_rereads_every_meeting_from_stored_files_and_keeps_every_item_key()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 3, Seed = 11 });
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Folder(tree.Root), Ct);
        var before = await ItemIds(host);

        var reread = await host.HarvestAsync(Folder(tree.Root), Ct, parserVersion: MeetbotReader.Version + 1);

        Assert.Equal($"meetings: 0 new, {tree.Summary.Meetings} updated, 0 unchanged, 0 failed", reread.MeetingsLine);
        Assert.Equal(0, reread.FilesFetched);
        Assert.Equal(before, await ItemIds(host));
        await using var db = host.Db();
        Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Equal(MeetbotReader.Version + 1, m.ParserVersion));

        var again = await host.HarvestAsync(Folder(tree.Root), Ct, parserVersion: MeetbotReader.Version + 1);
        Assert.Equal(tree.Summary.Meetings, again.Unchanged);
    }

    [Fact]
    public async Task An_item_that_disappears_is_kept_as_removed_and_comes_back_with_its_id()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 2, IncludeUnfinished = false });
        var meeting = tree.Meetings.First(m => m.Meeting.Items.Any(i => i.Kind == ItemKind.Action));
        var log = tree.PathOf(meeting.RelativePath(MeetbotFormat.LogTxt));
        var original = File.ReadAllText(log);
        var action = meeting.Meeting.Items.First(i => i.Kind == ItemKind.Action);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Folder(tree.Root), Ct);
        int id;
        await using (var db = host.Db())
        {
            id = (await db.Items.SingleAsync(i => i.Kind == ItemKind.Action && i.Text == IrcText.Clean(action.Text) && i.Line == action.Line, Ct)).Id;
        }

        var command = "#action " + action.Text;
        Assert.Contains(command, original, StringComparison.Ordinal);
        File.WriteAllText(log, original.Replace(command, "#actoin " + action.Text, StringComparison.Ordinal));
        await host.HarvestAsync(Folder(tree.Root), Ct);
        await using (var db = host.Db())
        {
            Assert.NotNull((await db.Items.SingleAsync(i => i.Id == id, Ct)).RemovedAt);
        }

        File.WriteAllText(log, original);
        File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(log).AddMinutes(1));
        await host.HarvestAsync(Folder(tree.Root), Ct);
        await using (var db = host.Db())
        {
            var back = await db.Items.SingleAsync(i => i.Id == id, Ct);
            Assert.Null(back.RemovedAt);
            Assert.Equal(IrcText.Clean(action.Text), back.Text);
        }
    }

    internal static async Task<Dictionary<(string Meeting, int Number), int>> ItemIds(HarvestHost host)
    {
        await using var db = host.Db();
        return await db.Items.Select(i => new { i.Meeting!.MeetingKey, i.Number, i.Id })
            .ToDictionaryAsync(i => (i.MeetingKey, i.Number), i => i.Id, Ct);
    }

    internal static async Task<string> Snapshot(HarvestHost host)
    {
        await using var db = host.Db();
        var meetings = await db.Meetings.OrderBy(m => m.Id).Select(m => $"{m.Id}|{m.MeetingKey}|{m.ReadAt.Ticks}|{m.LineCount}|{m.TeamId}").ToListAsync(Ct);
        var items = await db.Items.OrderBy(i => i.Id).Select(i => $"{i.Id}|{i.MeetingId}|{i.Number}|{i.Text}|{i.RemovedAt}").ToListAsync(Ct);
        var files = await db.Files.OrderBy(f => f.Id).Select(f => $"{f.Id}|{f.Path}|{f.Sha256}|{f.FetchedAt.Ticks}").ToListAsync(Ct);
        var people = await db.PersonAliases.OrderBy(a => a.Id).Select(a => $"{a.Nick}|{a.PersonId}").ToListAsync(Ct);
        return string.Join('\n', meetings.Concat(items).Concat(files).Concat(people));
    }
}

using System.Text.Json;

namespace MeetingTracker.Core.Tests.Cli;

public sealed class ParseCommandTests
{
    private const string Log = """
        14:10:12 <alice> #startmeeting Infra weekly
        14:10:12 <zodbot> Meeting started Wed Jun 10 14:10:12 2020 UTC.
        14:10:30 <alice> #topic Mirrors
        14:11:02 <bob> the mirror is slow
        14:11:40 <alice> #action bob to fix the mirror
        14:19:29 <alice> #endmeeting
        """;

    [Fact]
    public void Usage_error_exits_2_and_prints_no_json()
    {
        var (exit, stdout, stderr) = CliRunner.Run("parse");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("FILE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_verb_is_a_usage_error() => Assert.Equal(2, CliRunner.Run("frobnicate").Exit);

    [Fact]
    public void Unreadable_files_give_ok_false_with_a_reason_and_the_others_still_print()
    {
        using var dir = new TempDir();
        var empty = dir.Write("empty.2020-06-10-14.10.log.txt", string.Empty);
        var binary = dir.Write("junk.bin", [0, 1, 2, 0xff, 0xfe]);
        var good = dir.Write("fedora-meeting/2020-06-10/infra.2020-06-10-14.10.log.txt", Log);

        var (exit, stdout, _) = CliRunner.Run("parse", empty, Path.Combine(dir.Path, "missing.log.txt"), binary, good);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(empty, results[0].GetProperty("file").GetString());
        foreach (var failed in results.Take(3))
        {
            Assert.False(failed.GetProperty("ok").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error").GetString()));
            Assert.Equal(3, failed.EnumerateObject().Count());
        }

        Assert.True(results[3].GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void A_parsed_log_prints_every_field_of_the_contract_in_order()
    {
        using var dir = new TempDir();
        var file = dir.Write("fedora-meeting/2020-06-10/infra.2020-06-10-14.10.log.txt", Log);

        var (exit, stdout, _) = CliRunner.Run("parse", file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var m = json.RootElement[0];
        Assert.Equal(
            ["file", "ok", "format", "dialect", "meetingKey", "channel", "title", "startedAt", "endedAt", "startedBy", "chairs", "lineCount", "topics", "items", "people", "warnings"],
            m.EnumerateObject().Select(p => p.Name));
        Assert.Equal("log-txt", m.GetProperty("format").GetString());
        Assert.Equal("meetbot-0.1.4", m.GetProperty("dialect").GetString());
        Assert.Equal("infra.2020-06-10-14.10", m.GetProperty("meetingKey").GetString());
        Assert.Equal("#fedora-meeting", m.GetProperty("channel").GetString());
        Assert.Equal("Infra weekly", m.GetProperty("title").GetString());
        Assert.Equal("2020-06-10T14:10:12Z", m.GetProperty("startedAt").GetString());
        Assert.Equal("2020-06-10T14:19:29Z", m.GetProperty("endedAt").GetString());
        Assert.Equal("alice", m.GetProperty("startedBy").GetString());
        Assert.Equal(6, m.GetProperty("lineCount").GetInt32());
        var topic = m.GetProperty("topics")[0];
        Assert.Equal(["title", "nick", "time", "line"], topic.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, topic.GetProperty("line").GetInt32());
        var action = m.GetProperty("items")[0];
        Assert.Equal(["kind", "text", "nick", "time", "line", "topic", "assignees"], action.EnumerateObject().Select(p => p.Name));
        Assert.Equal("action", action.GetProperty("kind").GetString());
        Assert.Equal("bob to fix the mirror", action.GetProperty("text").GetString());
        Assert.Equal(0, action.GetProperty("topic").GetInt32());
        Assert.Equal(["bob"], action.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(
            ["alice:4", "bob:1", "zodbot:1"],
            m.GetProperty("people").EnumerateArray().Select(p => $"{p.GetProperty("nick").GetString()}:{p.GetProperty("lines").GetInt32()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Irc_control_codes_are_removed_from_printed_text()
    {
        using var dir = new TempDir();
        var file = dir.Write("x.2020-06-10-14.10.log.txt", Log.Replace("#topic Mirrors", "#topic \u0002Mir\u000304,12rors\u000f", StringComparison.Ordinal));

        var (_, stdout, _) = CliRunner.Run("parse", file);

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Mirrors", json.RootElement[0].GetProperty("topics")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Vote_items_print_their_vote_and_other_items_print_none()
    {
        const string Meetingology = """
            19:27 <bob> #startmeeting DMB
            19:27 <meetingology> Meeting started at 19:27:04 UTC.  The chair is bob.  Information about MeetBot at https://wiki.ubuntu.com/meetingology
            19:28 <bob> #info two applications today
            19:30 <bob> #vote Should alice become MOTU?
            19:30 <bob> +1
            19:31 <carol> -1
            19:31 <dave> +1
            19:31 <erin> +0
            19:32 <bob> #endvote
            19:40 <bob> #endmeeting
            """;
        using var dir = new TempDir();
        var file = dir.Write("ubuntu-meeting/2014/ubuntu-meeting.2014-03-24-19.27.log.txt", Meetingology);

        var (exit, stdout, _) = CliRunner.Run("parse", file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement[0].GetProperty("items");
        Assert.False(items[0].TryGetProperty("vote", out _));
        var item = items[1];
        Assert.Equal(["kind", "text", "nick", "time", "line", "topic", "assignees", "vote"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Should alice become MOTU? (Carried)", item.GetProperty("text").GetString());
        var vote = item.GetProperty("vote");
        Assert.Equal(["question", "outcome", "for", "against", "abstained", "voters"], vote.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Should alice become MOTU?", "carried"), (vote.GetProperty("question").GetString(), vote.GetProperty("outcome").GetString()));
        Assert.Equal((2, 1, 1), (vote.GetProperty("for").GetInt32(), vote.GetProperty("against").GetInt32(), vote.GetProperty("abstained").GetInt32()));
        Assert.Equal(["bob", "carol", "dave", "erin"], vote.GetProperty("voters").EnumerateArray().Select(v => v.GetString()));
    }
}

using System.Globalization;
using System.Text;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// The readable per-team report printed by <c>summary</c>. The folder is one source: a nick that behaved as the bot in
/// any of its logs is a bot in all of its meetings, minutes-only ones included (as the harvester does, ADR 12).
/// </summary>
internal static class SummaryFormatter
{
    public static string Format(string root, CollectedMeetings collected)
    {
        var sb = new StringBuilder();
        var all = collected.Meetings;
        var inv = CultureInfo.InvariantCulture;
        var bots = all.SelectMany(m => m.Meeting.Bots).ToHashSet(StringComparer.OrdinalIgnoreCase);
        sb.AppendLine(inv, $"MeetingTracker summary of {root}");
        sb.AppendLine(inv, $"{all.Count} meetings, {all.Sum(m => m.Meeting.LineCount ?? 0)} log lines, {all.Sum(m => m.Meeting.Items.Count(i => i.Kind == ItemKind.Action))} actions, {collected.Failures.Count} files failed");
        foreach (var team in all.GroupBy(m => m.Meeting.MeetingName ?? m.Group.Name.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var meetings = team.Select(t => t.Meeting).OrderBy(m => m.StartedAt).ToList();
            var first = meetings[0].StartedAt ?? meetings[0].FileName?.StartMinute;
            var last = meetings[^1].StartedAt ?? meetings[^1].FileName?.StartMinute;
            sb.AppendLine();
            sb.AppendLine(inv, $"== {team.Key}: {meetings.Count} meetings, {first:yyyy-MM-dd} .. {last:yyyy-MM-dd} ({meetings.Count(m => !m.IsComplete)} unfinished)");
            var people = meetings.SelectMany(m => m.People).Where(p => p.Lines > 0 && !bots.Contains(p.Nick))
                .GroupBy(p => p.Nick, StringComparer.Ordinal).Select(g => (Nick: g.Key, Lines: g.Sum(p => p.Lines)))
                .OrderByDescending(p => p.Lines).Take(5);
            sb.AppendLine(inv, $"   most active: {string.Join(", ", people.Select(p => $"{p.Nick} ({p.Lines})"))}");
            var latest = meetings[^1];
            sb.AppendLine(inv, $"   latest: {latest.MeetingKey} \"{IrcText.Clean(latest.Title ?? string.Empty)}\", topics: {string.Join(" / ", latest.Topics.Select(t => IrcText.Clean(t.Title)))}");
            foreach (var action in latest.Items.Where(i => i.Kind == ItemKind.Action))
            {
                var named = action.Owners.Where(o => !bots.Contains(o)).ToList();
                var owners = named.Count == 0 ? "unassigned" : string.Join(", ", named);
                sb.AppendLine(inv, $"   ACTION ({owners}): {IrcText.Clean(action.Text)}");
            }
        }

        foreach (var (file, reason) in collected.Failures)
        {
            sb.AppendLine(inv, $"FAILED {file}: {reason}");
        }

        return sb.ToString().TrimEnd();
    }
}

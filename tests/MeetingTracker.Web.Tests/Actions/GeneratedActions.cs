extern alias loggen;

using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>
/// The generator's actions as an oracle: it carries an unfinished action over verbatim, meeting after meeting, so an
/// action is one (team, text) pair and its carried-over count is the number of meetings saying it, less one. It
/// reports an action finished with a done note of its text (<c>#done text</c> or <c>#info done: text</c>).
/// </summary>
internal static class GeneratedActions
{
    public sealed record Expected(string Team, string Text, int CarriedOver, bool InTeamsLatestMeeting, bool DoneNoted)
    {
        /// <summary>The state the action should show long after its due window (ADR 9).</summary>
        public string State => DoneNoted ? "done" : InTeamsLatestMeeting ? "overdue" : "dropped";
    }

    public static List<Expected> All(SiteFixture site)
    {
        var latest = site.Generated.GroupBy(g => g.Team).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Meeting.StartedAt)!.Meeting);
        var doneNotes = site.Generated
            .SelectMany(g => g.Meeting.Items.Select(i => (g.Team, Text: i.Kind == ItemKind.Done ? i.Text : i.Kind == ItemKind.Info && i.Text.StartsWith("done: ", StringComparison.Ordinal) ? i.Text[6..] : null)))
            .Where(n => n.Text is not null)
            .ToHashSet();
        return
        [
            .. site.Generated
                .SelectMany(g => g.Meeting.Items.Where(i => i.Kind == ItemKind.Action).Select(i => (g.Team, i.Text, g.BaseName)))
                .GroupBy(a => (a.Team, a.Text))
                .Select(a => new Expected(
                    a.Key.Team,
                    a.Key.Text,
                    a.Select(x => x.BaseName).Distinct(StringComparer.Ordinal).Count() - 1,
                    latest[a.Key.Team].Items.Any(i => i.Kind == ItemKind.Action && i.Text == a.Key.Text),
                    doneNotes.Contains((a.Key.Team, a.Key.Text)))),
        ];
    }

    /// <summary>Stored meeting id → the generated meeting it was read from.</summary>
    public static async Task<Dictionary<int, GeneratedMeeting>> MeetingsByIdAsync(SiteFixture site)
    {
        await using var db = site.Host.Db();
        var rows = await db.Meetings.Select(m => new { m.Id, m.MeetingKey, m.Folder }).ToListAsync(TestContext.Current.CancellationToken);
        return rows.ToDictionary(r => r.Id, r => site.Generated.Single(g => g.BaseName == r.MeetingKey && g.Directory == r.Folder));
    }
}

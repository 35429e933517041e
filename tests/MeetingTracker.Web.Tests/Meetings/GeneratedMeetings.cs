extern alias loggen;

using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>Finds generated meetings in the fixture's database, to compare its pages and answers with the generator's oracle.</summary>
internal static class GeneratedMeetings
{
    /// <summary>A finished meeting with topics, actions and ideas, and its id.</summary>
    public static async Task<(GeneratedMeeting Meeting, int Id)> RichAsync(SiteFixture site)
    {
        var meeting = site.Generated
            .Where(g => g.Meeting.IsComplete && g.Meeting.Topics.Count > 1)
            .OrderByDescending(g => g.Meeting.Items.Count(i => i.Kind is ItemKind.Action or ItemKind.Idea))
            .First();
        return (meeting, await IdOfAsync(site, meeting));
    }

    public static async Task<int> IdOfAsync(SiteFixture site, GeneratedMeeting meeting)
    {
        await using var db = site.Host.Db();
        return await db.Meetings
            .Where(m => m.MeetingKey == meeting.BaseName && m.Folder == meeting.Directory)
            .Select(m => m.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Whitespace runs made one space, as HTML renders them.</summary>
    public static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

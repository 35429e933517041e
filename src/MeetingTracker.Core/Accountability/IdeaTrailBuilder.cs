using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Accountability;

/// <summary>A minutes item as ideas and their trails need it.</summary>
public sealed record ItemSummary(int ItemId, int MeetingId, int Number, ItemKind Kind, DateTimeOffset Time, string Text, string Nick, int? PersonId)
{
    public ItemRef Ref => new(ItemId, MeetingId, Number, Time);
}

/// <summary>An <c>#idea</c> and the later items of its team that took it up.</summary>
public sealed record IdeaTrail(ItemSummary Idea, int TeamId, IReadOnlyList<ItemSummary> FollowedBy);

/// <summary>
/// What followed an idea, by a rule one can check by eye: an item of the same team, of a kind that records an outcome
/// (<see cref="FollowerKinds"/>), said after the idea and within the window, that shares at least
/// <see cref="MinSharedWords"/> significant words with it (<see cref="SignificantWords"/>). So "automate the build
/// farm" is followed by "#agreed the build farm stays frozen" (build, farm), not by "#info the farm is fine" (one word).
/// </summary>
public static class IdeaTrailBuilder
{
    public const int MinSharedWords = 2;

    public static readonly IReadOnlySet<ItemKind> FollowerKinds =
        new HashSet<ItemKind> { ItemKind.Agreed, ItemKind.Accepted, ItemKind.Rejected, ItemKind.Action, ItemKind.Info };

    /// <param name="items">Ideas and candidate followers (other kinds are ignored).</param>
    public static List<IdeaTrail> Build(IEnumerable<ItemSummary> items, IEnumerable<TeamMeeting> meetings, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(meetings);
        var teamOf = meetings.ToDictionary(m => m.MeetingId, m => m.TeamId);
        var trails = new List<IdeaTrail>();
        foreach (var team in items.Where(i => teamOf.ContainsKey(i.MeetingId)).GroupBy(i => teamOf[i.MeetingId]))
        {
            var followers = team.Where(i => FollowerKinds.Contains(i.Kind))
                .OrderBy(i => i.Time).ThenBy(i => i.ItemId)
                .Select(i => (Item: i, Words: SignificantWords.Of(i.Text)))
                .ToList();
            foreach (var idea in team.Where(i => i.Kind == ItemKind.Idea))
            {
                var words = SignificantWords.Of(idea.Text);
                var trail = new List<ItemSummary>();
                var end = idea.Time + window;
                for (var k = FirstAfter(followers, idea.Time); k < followers.Count && followers[k].Item.Time <= end; k++)
                {
                    if (SignificantWords.Shared(words, followers[k].Words) >= MinSharedWords) trail.Add(followers[k].Item);
                }

                trails.Add(new IdeaTrail(idea, team.Key, trail));
            }
        }

        return trails;
    }

    // Binary search: the first follower strictly later than the idea.
    private static int FirstAfter(List<(ItemSummary Item, HashSet<string> Words)> followers, DateTimeOffset time)
    {
        int lo = 0, hi = followers.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (followers[mid].Item.Time <= time) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// The tags a cached page carries, so that each kind of change evicts exactly the pages that show it:
/// a harvest or re-read evicts its meetings, their teams and their people; an event on an action or idea evicts the
/// pages that show that subject, its team's accountability and its owners; an alias edit or a claim, everything.
/// Pages add theirs while they render (<see cref="Add(HttpContext?, string[])"/>); every cached answer has <see cref="Site"/>.
/// </summary>
public static class PageTags
{
    /// <summary>Every cached answer.</summary>
    public const string Site = "site";

    /// <summary>Pages that list across the site (home, actions, ideas, help, statistics, search, indexes, site feeds).</summary>
    public const string Lists = "lists";

    /// <summary>Every person's page (an owner changed: who owns what is read through claims and takes).</summary>
    public const string People = "people";

    /// <summary>A meeting's page, its log and its API answers.</summary>
    public static string Meeting(int id) => "m:" + Id(id);

    /// <summary>Everything a team's meetings make (by the team's key, which every page has at hand): its page and feeds and each of its meetings' pages (their neighbours).</summary>
    public static string Team(string key) => "t:" + key;

    /// <summary>What a team's actions and ideas make: its page's open actions and tallies.</summary>
    public static string TeamAccountability(string key) => "ta:" + key;

    /// <summary>A person's page and feed.</summary>
    public static string Person(int id) => "p:" + Id(id);

    /// <summary>Pages that show an action chain (its page and feed).</summary>
    public static string Action(int chainId) => "a:" + Id(chainId);

    /// <summary>Pages that show an idea (its page and feed).</summary>
    public static string Idea(int ideaId) => "i:" + Id(ideaId);

    /// <summary>Tags the answer being built, when it is being built for the page cache (no-op otherwise).</summary>
    public static void Add(HttpContext? context, params string[] tags)
    {
        if (context?.Features.Get<IOutputCacheFeature>()?.Context is not { } cache) return;
        foreach (var tag in tags) cache.Tags.Add(tag);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

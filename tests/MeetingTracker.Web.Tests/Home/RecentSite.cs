extern alias loggen;

using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Home;

/// <summary>
/// A host over a generated server whose five weeks end a few days before today (by the real clock, which the host
/// uses): its teams are active, its actions are partly inside their due window and partly overdue.
/// </summary>
public sealed class RecentSite() : SiteFixture(RecentOptions)
{
    public static readonly GeneratorOptions RecentOptions = new()
    {
        Teams = 3,
        Weeks = 5,
        Seed = 11,
        Start = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-36),
    };
}

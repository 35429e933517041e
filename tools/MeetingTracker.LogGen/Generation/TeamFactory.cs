using System.Globalization;

namespace MeetingTracker.LogGen.Generation;

/// <summary>Creates the teams of a server: names, channels and schedules as each deployment has them.</summary>
internal static class TeamFactory
{
    private static readonly int[] Hours = [14, 15, 16, 17, 13, 18, 12, 19, 11, 20];
    private static readonly string[] FedoraChannels = ["#fedora-meeting", "#fedora-meeting-1", "#fedora-meeting-2", "#fedora-meeting-3"];
    private static readonly string[] OpenStackChannels = ["#openstack-meeting", "#openstack-meeting-alt", "#openstack-meeting-3"];

    public static List<Team> Create(GeneratorOptions options)
    {
        var teams = new List<Team>(options.Teams);
        for (var i = 0; i < options.Teams; i++)
        {
            teams.Add(Create(options, i));
        }

        return teams;
    }

    /// <summary>A stream per team, so adding teams or weeks does not change the others.</summary>
    public static Random StreamFor(int seed, int index) => new(unchecked((seed * 1_000_003) + (index * 7919) + 17));

    private static Team Create(GeneratorOptions options, int i)
    {
        var rng = StreamFor(options.Seed, i);
        var area = Vocabulary.Areas[i % Vocabulary.Areas.Length];
        var round = i / Vocabulary.Areas.Length;
        var people = Nicks.Pool.OrderBy(_ => rng.Next()).Take(rng.Next(5, 10)).ToList();
        var leads = people.Take(rng.Next(1, 3)).ToList();
        var title = area == "translations" ? "Équipe Traductions" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(area);
        if (round > 0)
        {
            title += " " + (round + 1).ToString(CultureInfo.InvariantCulture);
        }

        var (channel, startText, rename) = options.Layout switch
        {
            ServerLayout.Fedora => (
                i % 3 == 2 ? "#fedora-" + area : FedoraChannels[i % FedoraChannels.Length],
                title + Vocabulary.Pick(rng, [" team meeting", " weekly", string.Empty]),
                i % 4 == 3 ? Slug(title, '_') : null),
            ServerLayout.Debian => (
                (i % 5 == 3 ? "#tor-" : "#debian-") + Slug(title, '-'),
                i % 2 == 0 ? null : title + " team meeting",
                i % 5 == 1 ? area : null),
            ServerLayout.Ubuntu => (
                // Four teams share #ubuntu-meeting, each on its own weekday, so their channel-named files never collide.
                i < 10 && i % 3 == 0 ? "#ubuntu-meeting" : "#ubuntu-" + Slug(title, '-'),
                i % 4 == 1 ? null : title + (i % 2 == 0 ? " team meeting" : " board"),
                (string?)null),
            _ => (OpenStackChannels[i % OpenStackChannels.Length], Slug(title, '_'), (string?)null),
        };

        return new Team
        {
            Key = Slug(title, '-'),
            Area = area,
            Channel = channel,
            StartText = startText,
            RenameTo = rename,
            Leads = leads,
            Members = people.Skip(leads.Count).ToList(),
            Day = (DayOfWeek)(1 + (i % 5)),
            Time = i == 1 ? new TimeOnly(23, 30) : new TimeOnly(Hours[i / 5 % Hours.Length], i / 50 % 2 == 0 ? 0 : 30),
            Rng = rng,
            Planting = TeamPlanting.Create(options, i, area),
        };
    }

    // ASCII lower-case words joined by the separator: channel and OpenStack meeting names.
    private static string Slug(string title, char separator)
    {
        var folded = title.Replace("É", "e", StringComparison.Ordinal).ToLowerInvariant();
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0);
        return string.Join(separator, words);
    }
}

using System.Globalization;

namespace MeetingTracker.LogGen.Generation;

/// <summary>Where a project lives, which decides how its tickets are written.</summary>
internal enum Forge
{
    GitHub,
    GitLab,
    Pagure,
    RedHatBugzilla,
    Launchpad,
    Debbugs,
}

internal enum TicketType
{
    Issue,
    PullRequest,
    Bug,
}

/// <summary>A repository or tracker a team talks about.</summary>
/// <param name="Url">Its address as people write it (an organisation may have capitals).</param>
/// <param name="Key">Host and path, lower case, without scheme.</param>
/// <param name="Path">For Launchpad, the project whose bugs the team files (<c>+bug</c> URLs name it).</param>
internal sealed record PlantedProject(Forge Forge, string Url, string Key, string? Path = null)
{
    public bool IsTracker => Forge is Forge.RedHatBugzilla or Forge.Launchpad or Forge.Debbugs;

    public string Kind => IsTracker ? "tracker" : "repository";
}

/// <summary>A ticket that stays open for a few meetings, mentioned in most of them until it is closed.</summary>
internal sealed class PlantedTicket(PlantedProject project, string number, TicketType type, int meetingsLeft)
{
    public PlantedProject Project => project;

    public string Number => number;

    public TicketType Type => type;

    /// <summary>Meetings in which it is still mentioned; the last mention closes it.</summary>
    public int MeetingsLeft { get; set; } = meetingsLeft;
}

/// <summary>Some text and the references it carries.</summary>
internal sealed record Mention(string Text, string Key, string Kind, string? Ticket, PlantedForm Form);

/// <summary>An action about a ticket, carried over verbatim like <see cref="OpenAction"/>.</summary>
internal sealed record TicketAction(string Text, string Person, int WeeksLeft, Mention Mention);

/// <summary>A long-running subject: on the agenda every <see cref="Period"/>th meeting from the <see cref="First"/>th.</summary>
internal sealed class RecurringSubject(string title, int period, int first)
{
    public string Title => title;

    public int Period => period;

    public int First => first;

    /// <summary>The issue that tracks it, opened the first time it comes up.</summary>
    public PlantedTicket? Tracking { get; set; }

    /// <summary>A period of 3 or more keeps it under half the team's meetings, so it is never routine.</summary>
    public bool IsDue(int meeting) => meeting >= First && (meeting - First) % Period == 0;
}

/// <summary>
/// A team's projects, open tickets and long-running subjects, with its own random stream (seeded apart from the
/// team's main stream, which the rest of the generator draws from exactly as before these were added).
/// </summary>
internal sealed class TeamPlanting
{
    private static readonly string[] Orgs = ["acme-labs", "OpenKiwi", "tessera-project", "lumen-org", "Quillworks", "brightfield", "nimbus-collective", "HarborOS"];
    private static readonly string[] RepoSuffixes = [string.Empty, string.Empty, "-site", "-tools", "-ansible", "-config"];
    private static readonly string[] Subgroups = ["tools", "web", "ops"];

    private readonly Dictionary<string, int> nextNumber = new(StringComparer.Ordinal);

    private TeamPlanting(Random rng, string area)
    {
        Rng = rng;
        Area = area;
    }

    public Random Rng { get; }

    public string Area { get; }

    public List<PlantedProject> Repositories { get; } = [];

    public PlantedProject Tracker { get; private set; } = null!;

    public List<PlantedTicket> OpenTickets { get; } = [];

    public List<TicketAction> TicketActions { get; } = [];

    public List<RecurringSubject> Subjects { get; } = [];

    /// <summary>The team's meetings played so far.</summary>
    public int MeetingsHeld { get; set; }

    public static TeamPlanting Create(GeneratorOptions options, int index, string area)
    {
        var rng = TeamFactory.StreamFor(unchecked((options.Seed * 31) + 7), index);
        var planting = new TeamPlanting(rng, area);
        Forge[] forges = [Forge.GitHub, Forge.GitLab, Forge.Pagure];
        planting.Repositories.Add(planting.Repository(forges[index % 3]));
        if (rng.NextDouble() < 0.5)
        {
            planting.Repositories.Add(planting.Repository(forges[(index + 1 + rng.Next(2)) % 3]));
        }

        planting.Tracker = options.Layout switch
        {
            ServerLayout.Fedora => new PlantedProject(Forge.RedHatBugzilla, "https://bugzilla.redhat.com", "bugzilla.redhat.com"),
            ServerLayout.Debian => new PlantedProject(Forge.Debbugs, "https://bugs.debian.org", "bugs.debian.org"),
            ServerLayout.Ubuntu => new PlantedProject(Forge.Launchpad, "https://bugs.launchpad.net", "bugs.launchpad.net", "ubuntu-" + area),
            _ => new PlantedProject(Forge.Launchpad, "https://bugs.launchpad.net", "bugs.launchpad.net", area),
        };
        foreach (var title in Vocabulary.Subjects.OrderBy(_ => rng.Next()).Take(rng.Next(2, 4)))
        {
            planting.Subjects.Add(new RecurringSubject(title, rng.Next(3, 5), rng.Next(0, 4)));
        }

        return planting;
    }

    /// <summary>A new ticket on one of the team's projects (a tracker's bug about two times in five).</summary>
    public PlantedTicket NewTicket(bool onRepository = false)
    {
        var project = !onRepository && Rng.NextDouble() < 0.4 ? Tracker : Vocabulary.Pick(Rng, Repositories);
        var type = project.IsTracker ? TicketType.Bug : onRepository || Rng.NextDouble() < 0.5 ? TicketType.Issue : TicketType.PullRequest;
        var key = project.Key + "/" + project.Path;
        var number = nextNumber.TryGetValue(key, out var n)
            ? n + Rng.Next(1, project.IsTracker ? 4000 : 12)
            : project.Forge switch
            {
                Forge.RedHatBugzilla => Rng.Next(2_300_000, 2_390_000),
                Forge.Launchpad => Rng.Next(2_050_000, 2_120_000),
                Forge.Debbugs => Rng.Next(1_080_000, 1_110_000),
                _ => Rng.Next(20, 900),
            };
        nextNumber[key] = number;
        return new PlantedTicket(project, number.ToString(CultureInfo.InvariantCulture), type, Rng.Next(2, 7));
    }

    private PlantedProject Repository(Forge forge)
    {
        var org = Vocabulary.Pick(Rng, Orgs);
        var name = Area + Vocabulary.Pick(Rng, RepoSuffixes);
        var url = forge switch
        {
            Forge.GitHub => $"https://github.com/{org}/{name}",
            Forge.GitLab => Rng.NextDouble() < 0.4 ? $"https://gitlab.com/{org}/{Vocabulary.Pick(Rng, Subgroups)}/{name}" : $"https://gitlab.com/{org}/{name}",
            _ => Rng.NextDouble() < 0.5 ? $"https://pagure.io/{org.ToLowerInvariant()}/{name}" : $"https://pagure.io/{name}",
        };

        // The contract's key: host and path, lower case, without scheme.
        var key = url["https://".Length..].ToLowerInvariant();
        return new PlantedProject(forge, url, key);
    }
}

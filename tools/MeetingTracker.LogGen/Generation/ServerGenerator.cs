using System.Globalization;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>What <see cref="ServerGenerator.WriteTo"/> wrote (rename stubs are not counted as meetings).</summary>
public sealed record GenerationSummary(int Meetings, int RenameStubs, int Files, long Bytes);

/// <summary>
/// Generates a whole synthetic meetbot server: <see cref="GeneratorOptions.Teams"/> teams meeting weekly for
/// <see cref="GeneratorOptions.Weeks"/> weeks, laid out as the chosen deployment lays out its files. Deterministic:
/// every team draws from its own <see cref="Random"/> seeded from the options, and nothing reads the clock.
/// </summary>
public static class ServerGenerator
{
    /// <summary>The meetings, week by week, each team in order; lazily, so a large server streams.</summary>
    public static IEnumerable<GeneratedMeeting> Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Teams);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Weeks);
        return GenerateCore(options);
    }

    /// <summary>Writes every file of every meeting under <paramref name="root"/>.</summary>
    public static GenerationSummary WriteTo(string root, GeneratorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        int meetings = 0, stubs = 0, files = 0;
        long bytes = 0;
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var meeting in Generate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = Path.Combine(root, meeting.Directory);
            if (created.Add(dir))
            {
                Directory.CreateDirectory(dir);
            }

            foreach (var file in meeting.Write().Files)
            {
                File.WriteAllBytes(Path.Combine(dir, file.FileName), file.Content);
                files++;
                bytes += file.Content.Length;
            }

            if (meeting.IsRenameStub)
            {
                stubs++;
            }
            else
            {
                meetings++;
            }
        }

        return new GenerationSummary(meetings, stubs, files, bytes);
    }

    private static IEnumerable<GeneratedMeeting> GenerateCore(GeneratorOptions options)
    {
        var teams = TeamFactory.Create(options);
        var bot = new BotVoice(options.Layout, options.BotNick);
        var unfinishedWeek = options.IncludeUnfinished && options.Teams * options.Weeks > 1 ? (options.Weeks - 1) / 2 : -1;
        for (var week = 0; week < options.Weeks; week++)
        {
            for (var t = 0; t < teams.Count; t++)
            {
                // The first team's first meeting carries pasted HTML: every server has one such line for the site's tests.
                foreach (var meeting in Meetings(options, bot, teams[t], week, unfinished: t == 0 && week == unfinishedWeek, markup: t == 0 && week == 0))
                {
                    yield return meeting;
                }
            }
        }
    }

    private static IEnumerable<GeneratedMeeting> Meetings(GeneratorOptions options, BotVoice bot, Team team, int week, bool unfinished, bool markup)
    {
        var rng = team.Rng;
        var monday = options.Start.AddDays((7 * week) - (((int)options.Start.DayOfWeek + 6) % 7));
        var day = monday.AddDays(((int)team.Day + 6) % 7);
        var start = new DateTimeOffset(day.ToDateTime(team.Time), TimeSpan.Zero).AddSeconds(rng.Next(0, 200));
        var startText = team.StartText is { } s && bot.Layout == ServerLayout.Fedora && team.RenameTo is not null
            ? s + string.Create(CultureInfo.InvariantCulture, $" ({day:yyyy-MM-dd})")
            : team.StartText;
        var sim = new MeetbotSimulation(bot, team.Channel, start);
        var script = new MeetingScript(team, sim, rng) { PastesMarkup = markup };
        var ended = script.Play(startText, unfinished ? rng.Next(25, 45) : null);

        var stamp = start.ToString("yyyy-MM-dd-HH.mm", CultureInfo.InvariantCulture);
        var channel = team.Channel.Trim('#', ' ').ToLowerInvariant().Replace("/", string.Empty, StringComparison.Ordinal);
        var name = (sim.MeetingName ?? channel).Replace("/", string.Empty, StringComparison.Ordinal);
        var (directory, baseName) = bot.Layout switch
        {
            ServerLayout.Fedora => (channel + "/" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{name}.{stamp}"),
            ServerLayout.Debian or ServerLayout.Ubuntu => (channel + "/" + start.ToString("yyyy", CultureInfo.InvariantCulture), $"{channel}.{stamp}"),
            _ => (name + "/" + start.ToString("yyyy", CultureInfo.InvariantCulture), $"{name}.{stamp}"),
        };
        var meeting = sim.Build(ended, MeetingFileName.TryParse($"{directory}/{baseName}.log.txt"));
        var writer = (bot.Layout == ServerLayout.Ubuntu ? WriterOptions.ForMeetingology(start) : WriterOptions.For(bot.Dialect)) with
        {
            BaseName = baseName,
            LogsUrlBase = $"{options.UrlPrefix}{directory}/{baseName}",
        };
        if (bot.Layout == ServerLayout.Fedora && sim.InitialName is { } first && !string.Equals(first, sim.MeetingName, StringComparison.Ordinal))
        {
            var stubName = $"{first.Replace("/", string.Empty, StringComparison.Ordinal)}.{stamp}";
            var stub = sim.BuildRenameStub(MeetingFileName.TryParse($"{directory}/{stubName}.log.txt"));
            yield return new GeneratedMeeting(team.Key, directory, stubName, stub, writer with { BaseName = stubName }) { IsRenameStub = true };
        }

        yield return new GeneratedMeeting(team.Key, directory, baseName, meeting, writer) { References = script.References };
    }
}

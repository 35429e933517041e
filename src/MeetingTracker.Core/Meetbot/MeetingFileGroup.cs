namespace MeetingTracker.Core.Meetbot;

/// <summary>The files of one meeting found side by side in one folder, keyed by format.</summary>
public sealed record MeetingFileGroup(string Folder, MeetingFileName Name, IReadOnlyDictionary<MeetbotFormat, string> Files)
{
    /// <summary>Reading order: the raw log is the source of truth; minutes stand in only when it is missing.</summary>
    private static readonly MeetbotFormat[] Preference =
        [MeetbotFormat.LogTxt, MeetbotFormat.LogHtml, MeetbotFormat.MinutesHtml, MeetbotFormat.Moin, MeetbotFormat.MinutesTxt];

    public string MeetingKey => Name.MeetingKey;

    public string SourceOfTruth => ReadingOrder.First();

    /// <summary>The group's files in the order to read them: the source of truth first, then what stands in for it.</summary>
    public IEnumerable<string> ReadingOrder => Preference.Where(Files.ContainsKey).Select(f => Files[f]);

    /// <summary>
    /// Groups meetbot files by folder and meeting key. A renamed-meeting stub (a lone <c>.log.txt</c> that shares its
    /// folder and start minute with a meeting that has minutes, left when #meetingname renamed it) is dropped.
    /// Files whose names carry no meeting stamp are returned in <paramref name="unnamed"/>.
    /// </summary>
    public static IReadOnlyList<MeetingFileGroup> Group(IEnumerable<string> paths, out IReadOnlyList<string> unnamed)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var others = new List<string>();
        var groups = new Dictionary<(string Folder, string Key), (MeetingFileName Name, Dictionary<MeetbotFormat, string> Files)>();
        foreach (var path in paths)
        {
            var name = MeetingFileName.TryParse(path);
            if (name?.Format is not { } format)
            {
                if (name is null) others.Add(path);
                continue;
            }

            var id = (Path.GetDirectoryName(path) ?? string.Empty, name.MeetingKey);
            if (!groups.TryGetValue(id, out var g)) groups[id] = g = (name, []);
            g.Files[format] = path;
        }

        unnamed = others;
        var withMinutes = groups
            .Where(g => g.Value.Files.ContainsKey(MeetbotFormat.MinutesHtml) || g.Value.Files.ContainsKey(MeetbotFormat.MinutesTxt))
            .Select(g => (g.Key.Folder, g.Value.Name.StartMinute))
            .ToHashSet();
        return [.. groups
            .Where(g => !IsRenamedStub(g.Key.Folder, g.Value.Name, g.Value.Files, withMinutes))
            .OrderBy(g => g.Value.Name.StartMinute)
            .ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new MeetingFileGroup(g.Key.Folder, g.Value.Name, g.Value.Files))];
    }

    private static bool IsRenamedStub(string folder, MeetingFileName name, Dictionary<MeetbotFormat, string> files, HashSet<(string, DateTimeOffset)> withMinutes)
        => files.Count == 1 && files.ContainsKey(MeetbotFormat.LogTxt) && withMinutes.Contains((folder, name.StartMinute));
}

namespace MeetingTracker.Cli.Commands;

/// <summary>Reads the known-defects list: <c>meeting TAB kind TAB check TAB reason</c>, <c>#</c> comments.</summary>
internal static class KnownDefects
{
    public static Dictionary<(string Meeting, string Kind, string Check), string> Load(string path)
    {
        var known = new Dictionary<(string, string, string), string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length >= 4) known[(cols[0], cols[1], cols[2])] = cols[3];
        }

        return known;
    }
}

using System.Text.Json;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// What a <c>--keep</c> run leaves for <c>--reuse</c>: the generated tree's figures and the data folders its last
/// folder and HTTP imports filled, written in the work folder once both imports and their re-harvests succeeded.
/// </summary>
public sealed record KeptRun(int Teams, int Weeks, int Meetings, int RenameStubs, int Files, long Bytes, long LogLines, string FolderData, string HttpData)
{
    public const string FileName = "ingest-bench.json";

    public static KeptRun Of(BenchServer server, string folderData, string httpData)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new(server.Teams, server.Weeks, server.Meetings, server.RenameStubs, server.Files, server.Bytes, server.LogLines, Path.GetFileName(folderData), Path.GetFileName(httpData));
    }

    public void Save(string work) => File.WriteAllText(Path.Combine(work, FileName), JsonSerializer.Serialize(this));

    /// <summary>The kept run in <paramref name="work"/>, when its tree and data folders are there and it has <paramref name="meetings"/> meetings.</summary>
    public static KeptRun? TryLoad(string work, int meetings)
    {
        var path = Path.Combine(work, FileName);
        if (!File.Exists(path)) return null;
        var kept = JsonSerializer.Deserialize<KeptRun>(File.ReadAllText(path));
        return kept is not null && kept.Meetings == meetings && Directory.Exists(Path.Combine(work, "tree"))
            && Directory.Exists(Path.Combine(work, kept.FolderData)) && Directory.Exists(Path.Combine(work, kept.HttpData))
            ? kept
            : null;
    }

    /// <summary>The kept tree (its meetings grouped again from its paths; its lines as counted when it was generated).</summary>
    public BenchServer Server(string work)
    {
        var root = Path.Combine(work, "tree");
        var groups = BenchServer.GroupsOf(root);
        if (groups.Count != Meetings) throw new InvalidDataException($"{root}: {Meetings} meetings kept, {groups.Count} found");
        return new BenchServer(root, Teams, Weeks, Meetings, RenameStubs, Files, Bytes, groups, LogLines);
    }
}

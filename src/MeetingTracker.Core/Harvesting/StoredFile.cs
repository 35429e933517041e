namespace MeetingTracker.Core.Harvesting;

/// <summary>What the harvester needs to know of a stored file without loading its content.</summary>
internal sealed record StoredFile(int Id, string Path, long Length, DateTimeOffset? LastModified, string? ETag, string Sha256, int ParserVersion, int? MeetingId)
{
    public FileValidators Validators => new(ETag, LastModified, Length);
}

/// <summary>A file body a run fetched, to be stored with its meeting.</summary>
/// <param name="StoredId">The stored file it replaces, if any.</param>
internal sealed record NewContent(string Path, byte[] Raw, string Sha256, string? ETag, DateTimeOffset? LastModified, bool ContentChanged, int? StoredId)
{
    /// <summary>Compressed by the parallel workers, so the single writer only writes.</summary>
    public byte[] Compressed { get; } = FileContent.Compress(Raw);
}

/// <summary>One meeting's files after fetching and reading, ready to be written in one transaction.</summary>
internal sealed record PreparedMeeting(
    Meetbot.MeetingFileGroup Group,
    IReadOnlyList<NewContent> Fetched,
    IReadOnlyList<SourceFailure> Failures,
    Meetbot.ParsedMeeting? Parsed,
    bool NeedsRead)
{
    /// <summary>
    /// The projects each message mentions (<see cref="Projects.MeetingMentions.Messages"/>), found by the parallel
    /// workers under the team's rules (<see cref="ReferencesStamp"/>); null when reference finding is off.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Projects.ProjectReference>>? References { get; init; }

    /// <summary>The stamp of the rules <see cref="References"/> were found under.</summary>
    public string? ReferencesStamp { get; init; }

    /// <summary>The stored meeting these files were read into before, if any.</summary>
    public int? ExistingMeetingId { get; init; }

    /// <summary>Why the meeting could not be read, when it had to be and could not; null otherwise.</summary>
    public string? ReadError => NeedsRead && Parsed is null ? string.Join("; ", Failures.Select(f => f.Reason)) : null;

    /// <summary>Nothing to write: no body changed and nothing to re-read.</summary>
    public bool Unchanged => !NeedsRead && Fetched.Count == 0 && Failures.Count == 0;
}

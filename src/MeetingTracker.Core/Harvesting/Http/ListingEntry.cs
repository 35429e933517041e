namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// A link of a listing page to something below it. <paramref name="Path"/> is relative to the source's base
/// (a folder's ends with <c>/</c>). Size and time come from the page when it shows them: nginx prints exact
/// bytes, Apache abbreviates (<c>12K</c>, hence <paramref name="SizeIsExact"/>); both print minutes.
/// </summary>
public sealed record ListingEntry(string Path, bool IsFolder, long? Size, bool SizeIsExact, DateTimeOffset? LastModified)
{
    /// <summary>The last segment, without a folder's slash.</summary>
    public string Name
    {
        get
        {
            var trimmed = IsFolder ? Path[..^1] : Path;
            return trimmed[(trimmed.LastIndexOf('/') + 1)..];
        }
    }
}

namespace MeetingTracker.Core.Harvesting;

/// <summary>A meetbot server or folder the harvester keeps in step with. Its settings live in configuration.</summary>
public sealed class Source
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>A folder path or an http(s) URL.</summary>
    public required string Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

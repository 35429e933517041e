namespace MeetingTracker.Core.Storage;

/// <summary>The one row holding the last change number given to a write of meetings (<see cref="ChangeNumbers"/>).</summary>
public sealed class ChangeCounter
{
    public const int TheRow = 1;

    /// <summary>
    /// Where numbering starts: the meetings stored before change numbers existed were given 1 by their migration, so an
    /// index that remembers no number (0) takes them all.
    /// </summary>
    public const long Start = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}

namespace MeetingTracker.Core.Search;

/// <summary>Field names of the index. Text is analysed (case and accents folded); the rest are exact identifiers.</summary>
internal static class SearchFields
{
    public const string Text = "text";
    public const string Meeting = "meeting";      // meeting id: exact, stored
    public const string MeetingPerson = "mp";     // doc values: meeting id << 32 | person id (one numeric doc value: each costs)
    public const string MeetingKey = "key";       // stored
    public const string Team = "team";            // team key: exact, doc values
    public const string Channel = "channel";      // without '#': exact
    public const string Nick = "nick";            // as written: exact (lower case), stored
    public const string Person = "person";        // person id: exact
    public const string Kind = "kind";            // line, topic, info, idea, action, ...: exact, stored
    public const string Time = "time";            // UTC ticks: stored and doc values (sorting, after:/before:), not indexed
    public const string Day = "day";              // yyyyMMdd (UTC): one exact term, for after:/before: ranges
    public const string Line = "line";            // l-N anchor, stored
    public const string Topic = "topic";          // the title of the topic it was said under (a topic: its own): analysed, stored
}

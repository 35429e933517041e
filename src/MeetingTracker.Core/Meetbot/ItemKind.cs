namespace MeetingTracker.Core.Meetbot;

/// <summary>The kinds of minutes item (topics are kept apart, as MeetBot's minutes show them).</summary>
public enum ItemKind
{
    Info,
    Idea,
    Action,
    Agreed,
    Accepted,
    Rejected,
    Link,
    Help,
    Vote,
    Done,
    Subtopic,
}

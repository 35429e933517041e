namespace MeetingTracker.Core.Meetbot;

/// <summary>Which bot (and version) wrote a file; decides the replay and attribution rules.</summary>
public enum MeetbotDialect
{
    Unknown,

    /// <summary>Darst's 0.1.4 release (Fedora zodbot, Debian, many private bots): substring attribution.</summary>
    Meetbot014,

    /// <summary>rkdarst HEAD after 0.1.4: regex whole-word attribution, sentence-case text headings.</summary>
    MeetbotLater,

    /// <summary>OpenStack's fork of rkdarst HEAD: votes, meeting length, timestamp anchors.</summary>
    OpenStack,

    /// <summary>Ubuntu's meetingology: <c>[TOPIC]</c> syntax, #subtopic, #done, HH:MM times.</summary>
    Meetingology,

    /// <summary>Fedora's Matrix meetbot (maubot-meetings): dated lines, Matrix IDs, <c>!</c>/<c>^</c> tags.</summary>
    Matrix,
}

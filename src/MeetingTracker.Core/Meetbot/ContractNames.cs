namespace MeetingTracker.Core.Meetbot;

/// <summary>The names formats and dialects have in the <c>parse</c> contract and in every report.</summary>
public static class ContractNames
{
    public static string Of(MeetbotFormat format) => format switch
    {
        MeetbotFormat.LogTxt => "log-txt",
        MeetbotFormat.LogHtml => "log-html",
        MeetbotFormat.MinutesTxt => "minutes-txt",
        MeetbotFormat.MinutesHtml => "minutes-html",
        MeetbotFormat.Moin => "moin",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Of(MeetbotDialect dialect) => dialect switch
    {
        MeetbotDialect.Meetbot014 => "meetbot-0.1.4",
        MeetbotDialect.MeetbotLater => "meetbot-later",
        MeetbotDialect.OpenStack => "openstack",
        MeetbotDialect.Meetingology => "meetingology",
        MeetbotDialect.Matrix => "matrix",
        _ => "unknown",
    };
}

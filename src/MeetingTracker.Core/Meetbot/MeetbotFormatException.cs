namespace MeetingTracker.Core.Meetbot;

/// <summary>Thrown by a reader when a file cannot be read as the format it claims; the message is the reason users see.</summary>
public sealed class MeetbotFormatException : Exception
{
    public MeetbotFormatException()
    {
    }

    public MeetbotFormatException(string message)
        : base(message)
    {
    }

    public MeetbotFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

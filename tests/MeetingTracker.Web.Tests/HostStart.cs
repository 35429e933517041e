namespace MeetingTracker.Web.Tests;

internal static class HostStart
{
    /// <summary>Starts the host and returns why it would not start, with inner exceptions' messages.</summary>
    public static string Failure(TrackerHost host)
    {
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}

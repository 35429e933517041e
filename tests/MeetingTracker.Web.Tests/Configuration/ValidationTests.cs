namespace MeetingTracker.Web.Tests.Configuration;

/// <summary>A bad source stops the host at start, with a message that names the source.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task A_bad_cron_schedule_stops_the_host_naming_the_source()
    {
        await using var host = new TrackerHost().With("MeetingTracker:Sources:0:Schedule", "every monday");

        var failure = HostStart.Failure(host);

        Assert.Contains("source 'gen' (MeetingTracker:Sources:0): Schedule 'every monday' is not a valid cron expression", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/30 * * * *")]
    [InlineData("15 */10 * * * *")]
    [InlineData("@daily")]
    public async Task Five_and_six_field_schedules_are_accepted(string schedule)
    {
        await using var host = new TrackerHost().With("MeetingTracker:Sources:0:Schedule", schedule);

        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Two_sources_with_one_name_stop_the_host()
    {
        await using var host = new TrackerHost()
            .With("MeetingTracker:Sources:1:Name", "GEN")
            .With("MeetingTracker:Sources:1:Location", "http://127.0.0.1:9/");

        var failure = HostStart.Failure(host);

        Assert.Contains("source 'GEN' (MeetingTracker:Sources:1): the name is used by another source", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_without_a_location_stops_the_host()
    {
        await using var host = new TrackerHost().With("MeetingTracker:Sources:1:Name", "nowhere");

        var failure = HostStart.Failure(host);

        Assert.Contains("source 'nowhere' (MeetingTracker:Sources:1): The Location field is required.", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "bad name!", "Name: letters, digits")]
    [InlineData("Location", "ftp://127.0.0.1/", "Location must be a folder path or an http(s) URL")]
    [InlineData("Concurrency", "0", "Concurrency")]
    public async Task Other_bad_source_settings_stop_the_host(string key, string value, string expected)
    {
        await using var host = new TrackerHost().With("MeetingTracker:Sources:0:" + key, value);

        var failure = HostStart.Failure(host);

        Assert.Contains("(MeetingTracker:Sources:0): ", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }
}

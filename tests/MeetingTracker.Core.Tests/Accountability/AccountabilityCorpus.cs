using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>
/// Four weekly meetings of <c>infra</c> and one of <c>docs</c>, harvested for real. Actions: A carried every week,
/// B carried once then gone, C skipped one meeting and came back, D raised in week 3 and carried, E raised in week 1
/// and again in week 4 (two meetings missed: two actions). Ideas: the build farm one is taken up, the test day one not.
/// </summary>
public sealed class AccountabilityCorpus : IAsyncLifetime
{
    public const string A = "bob to rotate the mirror keys";
    public const string B = "alice to update the wiki page";
    public const string C = "someone to check the DNS records";
    public const string D = "carol to review the release notes";
    public const string E = "dana to fix the proxy config";

    private readonly TempDir tree = new();

    internal HarvestHost Host { get; private set; } = null!;

    internal SourceOptions Source => new() { Name = "s", Location = tree.Path };

    public static DateTimeOffset Week(int n) => new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero).AddDays(7 * (n - 1));

    public async ValueTask InitializeAsync()
    {
        Write(1, $"#action {A}", $"#action {B}", $"#action {C}", $"#action {E}",
            "#idea automate the build farm with a nightly job", "#idea hold a test day for the installer");
        Write(2, "#action Bob to rotate  the mirror keys.", $"#action {B}",
            "#agreed the build farm gets a nightly job from now on", "#info the farm is fine");
        Write(3, $"#action {A}", $"#action {C}", $"#action {D}", "#action dana to set up the nightly build farm job");
        Write(4, $"#action {A}", $"#action {D}", $"#action {E}");
        tree.Write("fedora-docs/2026-12-22/docs.2026-12-22-09.00.log.txt", Log("docs", "09", $"#action {A}", "#agreed the build farm nightly job is not ours"));
        Host = await HarvestHost.StartAsync(TestContext.Current.CancellationToken);
        await Host.HarvestAsync(Source, TestContext.Current.CancellationToken);
    }

    internal void Write(int week, params string[] commands)
    {
        var day = Week(week).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        tree.Write($"fedora-meeting/{day}/infra.{day}-16.00.log.txt", Log("infra", "16", commands));
    }

    internal AccountabilityService Service(int dueDays = 14) => new(
        Host.Get<IDbContextFactory<TrackerDb>>(),
        Options.Create(new AccountabilityOptions { DueDays = dueDays }),
        Host.Clock);

    internal async Task<int> TeamIdAsync(string key)
    {
        await using var db = Host.Db();
        return await db.Teams.Where(t => t.Key == key).Select(t => t.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    // bob chairs (he starts every meeting), so MeetBot takes every command; alice, carol and dana are present.
    internal static string Log(string name, string hour, params string[] commands)
    {
        var lines = new List<string>
        {
            $"{hour}:00:00 <bob> #startmeeting {name}",
            $"{hour}:00:01 <bob> #meetingname {name}",
            $"{hour}:00:02 <alice> hi",
            $"{hour}:00:03 <carol> hello",
            $"{hour}:00:04 <dana> o/",
        };
        for (var i = 0; i < commands.Length; i++) lines.Add($"{hour}:01:{i:00} <bob> {commands[i]}");
        lines.Add($"{hour}:59:00 <bob> #endmeeting");
        return string.Join('\n', lines) + "\n";
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        tree.Dispose();
    }
}

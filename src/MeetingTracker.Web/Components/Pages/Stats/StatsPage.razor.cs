using System.Globalization;
using MeetingTracker.Core.Accountability;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Stats;

public sealed partial class StatsPage
{
    [Inject]
    private StatsQueries Queries { get; set; } = null!;

    [Inject]
    private AccountabilityTallies Tallies { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private StatsModel? model;

    /// <summary>The accountability counts of each of the model's months.</summary>
    private IReadOnlyList<AccountabilityCounts> accountability = [];

    private string Period => $"{model!.Months[0]} to {model.Months[^1]}";

    private string Busiest => model!.Teams.Any(t => t.Key is null) ? $"{StatsQueries.TeamsShown} busiest teams and the others" : "teams";

    private IReadOnlyList<ChartSeries> TeamSeries
        => [.. model!.Teams.Select(t => new ChartSeries(t.Name, [.. t.Meetings.Select(m => (double)m)]))];

    private IReadOnlyList<ChartSeries> DoneSeries =>
    [
        new ChartSeries("Done on time", [.. accountability.Select(c => (double)c.DoneOnTime)]),
        new ChartSeries("Done later", [.. accountability.Select(c => (double)(c.Done - c.DoneOnTime))]),
    ];

    protected override async Task OnInitializedAsync()
    {
        // Both set together after the last await: the component renders at an await that does not complete at once, and
        // a render between them indexed an empty accountability list by the model's months (a 500 on PostgreSQL, where
        // the tallies' read yields; on SQLite it completed synchronously and hid the bug).
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        var read = await Queries.StatsAsync(ct);
        if (read.Months.Count > 0)
        {
            var from = DateTimeOffset.ParseExact(read.Months[0], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            accountability = AccountabilityStats.ByMonth(await Tallies.AllAsync(ct), from, read.Months.Count);
        }

        model = read;
    }

    public static string Average(MonthFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.AverageAttendees.ToString("0.0", CultureInfo.InvariantCulture);
    }

    private IReadOnlyList<ChartSeries> Single(string name, Func<MonthFigures, double> value)
        => [new ChartSeries(name, [.. model!.Figures.Select(value)])];
}

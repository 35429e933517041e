using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Stats;

public sealed partial class StatsPage
{
    [Inject]
    private StatsQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private StatsModel? model;

    private string Period => $"{model!.Months[0]} to {model.Months[^1]}";

    private string Busiest => model!.Teams.Any(t => t.Key is null) ? $"{StatsQueries.TeamsShown} busiest teams and the others" : "teams";

    private IReadOnlyList<ChartSeries> TeamSeries
        => [.. model!.Teams.Select(t => new ChartSeries(t.Name, [.. t.Meetings.Select(m => (double)m)]))];

    protected override async Task OnInitializedAsync()
        => model = await Queries.StatsAsync(HttpContext?.RequestAborted ?? CancellationToken.None);

    public static string Average(MonthFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.AverageAttendees.ToString("0.0", CultureInfo.InvariantCulture);
    }

    private IReadOnlyList<ChartSeries> Single(string name, Func<MonthFigures, double> value)
        => [new ChartSeries(name, [.. model!.Figures.Select(value)])];
}

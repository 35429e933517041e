using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Stats;

public sealed partial class BarChart
{
    /// <summary>Colours in the isolated stylesheet; the last one is kept for <see cref="OtherName"/>.</summary>
    private const int Colours = 8;

    public const string OtherName = "Other";

    /// <summary>Read by screen readers as the image's name: say what the chart shows.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyList<string> Categories { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>How values read in the axis and the tooltips (.NET numeric format).</summary>
    [Parameter]
    public string ValueFormat { get; set; } = "0.#";

    [Parameter]
    public string EmptyText { get; set; } = "Nothing to chart yet.";

    private ChartLayout layout = null!;

    protected override void OnParametersSet() => layout = new ChartLayout(Categories, Series, ValueFormat);

    private string SeriesClass(int index)
        => string.Equals(Series[index].Name, OtherName, StringComparison.Ordinal) && index == Series.Count - 1
            ? "s-other"
            : "s" + (index % Colours).ToString(CultureInfo.InvariantCulture);
}

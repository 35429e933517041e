using System.Globalization;
using Bunit;
using MeetingTracker.Web.Components.Pages.Stats;

namespace MeetingTracker.Web.Tests.Stats;

public sealed class BarChartTests : IDisposable
{
    private readonly BunitContext context = new();

    [Fact]
    public void Bars_scale_to_a_round_axis_top_above_the_largest_value()
    {
        var chart = Render("Meetings", ["a", "b", "c"], new ChartSeries("Meetings", [2, 4, 8]));

        var heights = chart.FindAll("rect").Select(r => double.Parse(r.GetAttribute("height")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([ChartLayout.PlotHeight / 4, ChartLayout.PlotHeight / 2, ChartLayout.PlotHeight], heights);
        Assert.Equal(["0", "2", "4", "6", "8"], chart.FindAll(".axis text").Select(t => t.TextContent));
        Assert.Equal(["a: 2", "b: 4", "c: 8"], chart.FindAll("rect title").Select(t => t.TextContent));
        var bottoms = chart.FindAll("rect").Select(r => double.Parse(r.GetAttribute("y")!, CultureInfo.InvariantCulture) + double.Parse(r.GetAttribute("height")!, CultureInfo.InvariantCulture));
        Assert.All(bottoms, b => Assert.Equal(ChartLayout.Baseline, b, 6));
    }

    [Fact]
    public void The_chart_is_one_named_image()
    {
        var chart = Render("People per month", ["2026-01"], new ChartSeries("People", [3]));

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("People per month", svg.GetAttribute("aria-label"));
        Assert.Equal("People per month", chart.Find("svg > title").TextContent);
    }

    [Fact]
    public void Long_category_lists_get_at_most_eight_labels_starting_with_the_first()
    {
        var months = Enumerable.Range(1, 24).Select(i => $"m{i}").ToList();

        var chart = Render("Months", months, new ChartSeries("Meetings", [.. months.Select((_, i) => (double)i)]));

        var labels = chart.FindAll(".labels text").Select(t => t.TextContent).ToList();
        Assert.InRange(labels.Count, 6, 8);
        Assert.Equal("m1", labels[0]);
        Assert.All(labels, l => Assert.Contains(l, months));
        Assert.Equal(23, chart.FindAll("rect").Count);
    }

    [Fact]
    public void Stacked_series_share_a_bar_and_are_named_in_the_legend_with_other_last_in_grey()
    {
        var chart = Render("Meetings per team", ["jan", "feb"], new ChartSeries("infra", [1, 2]), new ChartSeries("qa", [0, 3]), new ChartSeries(BarChart.OtherName, [4, 1]));

        Assert.Equal(["infra", "qa", "Other"], chart.FindAll(".legend li").Select(li => li.TextContent));
        Assert.Equal(["s-other", "s-other", "s0", "s0", "s1"], chart.FindAll("rect").Select(r => r.GetAttribute("class")).Order(StringComparer.Ordinal));
        Assert.Contains("feb: qa, 3", chart.FindAll("rect title").Select(t => t.TextContent));
        var feb = chart.FindAll("rect").Where(r => r.QuerySelector("title")!.TextContent.StartsWith("feb", StringComparison.Ordinal)).ToList();
        Assert.Equal(ChartLayout.PlotHeight, feb.Sum(r => double.Parse(r.GetAttribute("height")!, CultureInfo.InvariantCulture)), 6);
    }

    [Fact]
    public void No_categories_render_the_empty_text_instead_of_a_chart()
    {
        var chart = context.Render<BarChart>(p => p
            .Add(x => x.Title, "Nothing")
            .Add(x => x.Categories, [])
            .Add(x => x.Series, [])
            .Add(x => x.EmptyText, "No meetings yet."));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("No meetings yet.", chart.Find("p.empty").TextContent);
    }

    [Fact]
    public void All_zero_values_draw_an_axis_and_no_bars()
    {
        var chart = Render("Quiet", ["a", "b"], new ChartSeries("Actions", [0, 0]));

        Assert.Empty(chart.FindAll("rect"));
        Assert.Equal(["0", "1"], chart.FindAll(".axis text").Select(t => t.TextContent));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(7, 2, 8)]
    [InlineData(5.6, 2, 6)]
    [InlineData(250, 100, 300)]
    [InlineData(0.4, 0.1, 0.4)]
    public void The_axis_steps_are_round(double largest, double step, double max)
    {
        var (s, m) = ChartLayout.Scale(largest);

        Assert.Equal(step, s, 9);
        Assert.Equal(max, m, 9);
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<BarChart> Render(string title, IReadOnlyList<string> categories, params ChartSeries[] series)
        => context.Render<BarChart>(p => p
            .Add(x => x.Title, title)
            .Add(x => x.Categories, categories)
            .Add(x => x.Series, series)
            .Add(x => x.ValueFormat, "0"));
}

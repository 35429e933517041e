using System.Globalization;

namespace MeetingTracker.Web.Components.Pages.Stats;

/// <summary>A named row of values, one per category (a bar, or a layer of a stacked bar).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public sealed record ChartBar(double X, double Y, double Width, double Height, int Series, string Tooltip);

public sealed record ChartTick(double Y, string Label);

public sealed record ChartLabel(double X, string Text);

/// <summary>
/// The geometry of a (stacked) bar chart in a fixed viewBox: bars, y-axis ticks at round values, and as many
/// category labels as fit. Pure arithmetic, so the SVG markup stays a loop over these.
/// </summary>
public sealed class ChartLayout
{
    public const double Width = 640;
    public const double Height = 240;
    public const double Left = 44;
    public const double Right = 8;
    public const double Top = 12;
    public const double Bottom = 30;
    private const int MaxLabels = 8;

    public ChartLayout(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string valueFormat)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var n = categories.Count;
        var totals = Enumerable.Range(0, n).Select(c => series.Sum(s => c < s.Values.Count ? Math.Max(0, s.Values[c]) : 0)).ToList();
        var (step, max) = Scale(totals.Count == 0 ? 0 : totals.Max());
        Max = max;
        for (var v = 0.0; v <= max + (step / 2); v += step)
        {
            Ticks.Add(new ChartTick(YOf(v), v.ToString(valueFormat, CultureInfo.InvariantCulture)));
        }

        if (n == 0) return;
        var slot = PlotWidth / n;
        var barWidth = Math.Max(1, slot * 0.8);
        var every = (int)Math.Ceiling(n / (double)MaxLabels);
        for (var c = 0; c < n; c++)
        {
            var x = Left + (c * slot) + ((slot - barWidth) / 2);
            var stacked = 0.0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = c < series[s].Values.Count ? Math.Max(0, series[s].Values[c]) : 0;
                if (value <= 0) continue;
                var y = YOf(stacked + value);
                var name = series.Count > 1 ? series[s].Name + ", " : string.Empty;
                Bars.Add(new ChartBar(x, y, barWidth, YOf(stacked) - y, s, $"{categories[c]}: {name}{value.ToString(valueFormat, CultureInfo.InvariantCulture)}"));
                stacked += value;
            }

            if (c % every == 0) Labels.Add(new ChartLabel(Left + (c * slot) + (slot / 2), categories[c]));
        }
    }

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    public static double Baseline => Top + PlotHeight;

    /// <summary>The value at the top of the y axis (a round number at or above the largest bar).</summary>
    public double Max { get; }

    public List<ChartBar> Bars { get; } = [];

    public List<ChartTick> Ticks { get; } = [];

    public List<ChartLabel> Labels { get; } = [];

    /// <summary>Attribute text for a coordinate (invariant, two decimals at most).</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A round step (1, 2 or 5 × 10^k, at least 1 for counts under 4) and the axis top it gives for 4 or so ticks.</summary>
    public static (double Step, double Max) Scale(double largest)
    {
        if (largest <= 0) return (1, 1);
        var rough = largest / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        if (largest >= 1 && step < 1) step = largest <= 4 ? 1 : step;
        return (step, Math.Ceiling((largest / step) - 1e-9) * step);
    }

    private double YOf(double value) => Baseline - (value / Max * PlotHeight);
}

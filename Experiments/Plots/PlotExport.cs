using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace FractureLab.Experiments.Plots;

/// <summary>
/// Plot models for the lab reports and their PNG bytes (OxyPlot rendered by SkiaSharp, headless). The
/// caller writes the bytes, so result files stay atomic in one place.
/// </summary>
public static class PlotExport
{
    public const int Width = 900;
    public const int Height = 620;

    /// <summary>An empty model with a title, linear axes with titles, and a legend outside the plot area (right), so it never covers data.</summary>
    public static PlotModel NewModel(string title, string xTitle, string yTitle)
    {
        var model = new PlotModel { Title = title, Background = OxyColors.White };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = xTitle, MajorGridlineStyle = LineStyle.Dot, MinimumPadding = 0.06, MaximumPadding = 0.06 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot, MinimumPadding = 0.08, MaximumPadding = 0.08 });
        model.Legends.Add(OutsideLegend());
        return model;
    }

    /// <summary>
    /// A point with an error bar of ± <paramref name="error"/> in y (0 for none or a non-finite error). OxyPlot's
    /// ScatterErrorSeries draws ErrorY as the bar's whole length (y ± ErrorY/2), so it is given twice the error.
    /// </summary>
    public static OxyPlot.Series.ScatterErrorPoint ErrorPoint(double x, double y, double error) =>
        new(x, y, 0, double.IsFinite(error) && error > 0 ? 2 * error : 0);

    /// <summary>The house legend: outside the plot area at the top right, so no series or annotation is hidden under it.</summary>
    public static Legend OutsideLegend() => new() { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendBackground = OxyColors.White };

    public static byte[] Png(PlotModel model, int width = Width, int height = Height)
    {
        using var stream = new MemoryStream();
        new PngExporter { Width = width, Height = height }.Export(model, stream);
        return stream.ToArray();
    }

    /// <summary>The same figure as SVG text (vector, for papers), the size of the PNG.</summary>
    public static string Svg(PlotModel model, int width = Width, int height = Height)
    {
        using var stream = new MemoryStream();
        new OxyPlot.SvgExporter { Width = width, Height = height }.Export(model, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Several plots as one PNG, laid out in a grid of <paramref name="columns"/> columns (a multi-panel figure).</summary>
    public static byte[] PngGrid(IReadOnlyList<PlotModel> models, int columns, int panelWidth = 600, int panelHeight = 440)
    {
        if (models.Count == 0) throw new ArgumentException("no plots to lay out", nameof(models));
        columns = Math.Clamp(columns, 1, models.Count);
        int rows = (models.Count + columns - 1) / columns;
        using var surface = SKSurface.Create(new SKImageInfo(columns * panelWidth, rows * panelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < models.Count; i++)
        {
            using var panel = SKBitmap.Decode(Png(models[i], panelWidth, panelHeight));
            surface.Canvas.DrawBitmap(panel, i % columns * panelWidth, i / columns * panelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

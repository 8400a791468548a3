using FractureLab.Experiments.Tables;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Experiments.Plots;

/// <summary>One curve of a <see cref="CurvePlot"/>: a CSV table and the legend label of its line.</summary>
public sealed record CurveSource(CsvTable Table, string Label);

/// <summary>
/// Curves from CSV files on one set of axes (<c>fracturelab plot</c>): column <c>x</c> against column <c>y</c> of each table,
/// one line per table, rows with an empty cell left out; e.g. two runs' stress_strain.csv (strain, stress_GPa) side by side.
/// A missing column is an error naming the file and the columns it has.
/// </summary>
public static class CurvePlot
{
    public static PlotModel Build(IReadOnlyList<CurveSource> curves, string x, string y, string? title = null)
    {
        if (curves.Count == 0) throw new LabDataException("plot: give at least one --csv file");
        var model = PlotExport.NewModel(title ?? $"{y} against {x}", x, y);
        foreach (var c in curves)
        {
            foreach (var column in new[] { x, y })
                if (!c.Table.Has(column))
                    throw new LabDataException($"{c.Table.Source}: no column '{column}' (columns: {string.Join(", ", c.Table.Header)})");
            var line = new LineSeries { Title = c.Label, StrokeThickness = 1.5 };
            foreach (var row in c.Table.Rows)
                if (c.Table.Number(row, x) is { } vx && c.Table.Number(row, y) is { } vy) line.Points.Add(new DataPoint(vx, vy));
            if (line.Points.Count == 0) throw new LabDataException($"{c.Table.Source}: no row has numbers in both '{x}' and '{y}'");
            model.Series.Add(line);
        }
        return model;
    }
}

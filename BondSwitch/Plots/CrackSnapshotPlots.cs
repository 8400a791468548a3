using System.Globalization;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>
/// Pictures of the crack: every atom of a minimized snapshot projected on the plane of the crack axis (horizontal)
/// and the loading axis (vertical), network-former centres coloured by their bond-switching class, other atoms
/// small and grey; one panel per snapshot (before the pull, at the peak stress, at the end).
/// </summary>
public static class CrackSnapshotPlots
{
    private static readonly (SwitchClass Class, OxyColor Color)[] Classes =
    [
        (SwitchClass.Unchanged, OxyColors.DimGray), (SwitchClass.Decreased, OxyColors.RoyalBlue),
        (SwitchClass.Increased, OxyColors.ForestGreen), (SwitchClass.Swapped, OxyColors.Crimson),
    ];

    public static byte[] Png(IReadOnlyList<(string Title, Snapshot Snapshot, int[]? ClassPerAtom)> panels, int crackAxis, int loadingAxis)
    {
        string h = "xyz"[crackAxis].ToString(), v = "xyz"[loadingAxis].ToString();
        var models = panels.Select(p =>
        {
            var s = p.Snapshot.System;
            var model = PlotExport.NewModel(p.Title, $"{h} (Å)", $"{v} (Å)");
            var others = new ScatterSeries { Title = "other atoms", MarkerType = MarkerType.Circle, MarkerSize = 1.2, MarkerFill = OxyColor.FromAColor(90, OxyColors.Gray) };
            var series = Classes.ToDictionary(c => (int)c.Class, c => new ScatterSeries { Title = c.Class.ToString().ToLowerInvariant(), MarkerType = MarkerType.Circle, MarkerSize = 2.2, MarkerFill = c.Color });
            var hx = s.Positions(crackAxis);
            var vy = s.Positions(loadingAxis);
            for (int i = 0; i < s.Count; i++)
            {
                int c = p.ClassPerAtom?[i] ?? -1;
                (c >= 0 ? series[c] : others).Points.Add(new ScatterPoint(Wrap(hx[i], s.Box.Lo[crackAxis], s.Box.Length(crackAxis)), Wrap(vy[i], s.Box.Lo[loadingAxis], s.Box.Length(loadingAxis))));
            }
            model.Series.Add(others);
            foreach (var sr in series.Values.Where(x => x.Points.Count > 0)) model.Series.Add(sr);
            return model;
        }).ToList();
        return PlotExport.PngGrid(models, models.Count, 600, 600);
    }

    private static double Wrap(double x, double lo, double len) => lo + ((x - lo) % len + len) % len;

    public static string Title(string what, double strain) => string.Create(CultureInfo.InvariantCulture, $"{what}, strain {strain:0.000}");
}

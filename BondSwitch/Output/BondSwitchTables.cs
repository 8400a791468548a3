using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Strain;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.Output;

/// <summary>The bond-switching table (one row per current snapshot) and the per-atom dump OVITO colours by.</summary>
public static class BondSwitchTables
{
    public static readonly string[] Header =
    [
        "snapshot", "strain", "center", "neighbor", "centers", "unchanged", "decreased", "increased", "swapped",
        "unchanged_fraction", "decreased_fraction", "increased_fraction", "swapped_fraction", "switched_fraction",
    ];

    public static void WriteCsv(TextWriter w, BondSwitchAnalysis analysis, IEnumerable<BondSwitchTally> tallies) =>
        TableWriter.Write(w, Header, tallies.Select(t => (IReadOnlyList<object?>)
        [
            t.Snapshot, t.Strain, analysis.Center, analysis.Neighbor, t.Centers, t.Unchanged, t.Decreased, t.Increased, t.Swapped,
            t.UnchangedFraction, t.DecreasedFraction, t.IncreasedFraction, t.SwappedFraction, t.Fraction(t.Switched),
        ]));

    public static readonly string[] GroupHeader =
    [
        "snapshot", "strain", "group", "center", "neighbor", "centers", "unchanged", "decreased", "increased", "swapped", "switched_fraction", "mean_coordination", "mean_shear_strain",
    ];

    /// <summary>The table split by atom group: one row per snapshot and group, with the group's mean coordination.</summary>
    public static void WriteGroupsCsv(TextWriter w, BondSwitchAnalysis analysis, IEnumerable<GroupTally> rows) =>
        TableWriter.Write(w, GroupHeader, rows.Select(t => (IReadOnlyList<object?>)
        [
            t.Snapshot, t.Strain, t.Group, analysis.Center, analysis.Neighbor, t.Centers, t.Unchanged, t.Decreased, t.Increased, t.Swapped,
            t.SwitchedFraction, double.IsFinite(t.MeanCoordination) ? t.MeanCoordination : null,
            t.MeanShearStrain is double e && double.IsFinite(e) ? e : null,
        ]));

    /// <summary>
    /// Appends one frame per current snapshot to a LAMMPS dump with the per-atom columns <c>bond_switch</c>
    /// (−1 not a centre, 0 unchanged, 1 decreased, 2 increased, 3 swapped) and, when given, <c>shear_strain</c>,
    /// <c>volumetric_strain</c> and <c>d2min</c> (Å²; NaN written as 0 with the atom counted invalid in the table).
    /// </summary>
    public static void WriteDumpFrame(LammpsDumpWriter dump, Snapshot current, BondSwitchTally tally, AtomicStrainResult? strain, long frame)
    {
        var extra = new Dictionary<string, double[]> { ["bond_switch"] = tally.ClassPerAtom.Select(c => (double)c).ToArray() };
        if (strain is not null)
        {
            extra["shear_strain"] = Finite(strain.VonMisesShear);
            extra["volumetric_strain"] = Finite(strain.VolumetricStrain);
            extra["d2min"] = Finite(strain.D2Min);
        }
        dump.WriteFrame(current.System, current.Step ?? frame, extra);
    }

    private static double[] Finite(double[] v) => v.Select(x => double.IsFinite(x) ? x : 0).ToArray();
}

/// <summary>One point of a bond-switching curve: strain and the fractions of centres decreased, increased, swapped.</summary>
public sealed record SwitchCurvePoint(double Strain, double Decreased, double Increased, double Swapped)
{
    public static SwitchCurvePoint Of(BondSwitchTally t) => new(t.Strain ?? 0, t.DecreasedFraction, t.IncreasedFraction, t.SwappedFraction);
}

/// <summary>Reads a bond-switching table written by <see cref="BondSwitchTables.WriteCsv"/> back (to overlay runs in one figure).</summary>
public static class BondSwitchCurveReader
{
    public static List<SwitchCurvePoint> Read(string path)
    {
        if (!File.Exists(path)) throw new Mechanics.InputException($"bond-switching table '{path}' does not exist");
        using var reader = CsvHelper.CsvReader.FromText(File.ReadAllText(path), new CsvHelper.CsvReaderOptions { HasHeader = false, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true });
        if (!reader.Read()) throw new Mechanics.InputException($"{path}: empty file");
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        int Col(string name) => header.IndexOf(name) is int k && k >= 0 ? k : throw new Mechanics.InputException($"{path}: no column '{name}' (expected a table written by fracturelab bondswitch)");
        int s = Col("strain"), d = Col("decreased_fraction"), i = Col("increased_fraction"), w = Col("swapped_fraction");
        var points = new List<SwitchCurvePoint>();
        while (reader.Read())
        {
            double V(int c)
            {
                string text = c < reader.FieldCount ? reader.GetString(c) : "";
                return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
                    ? v : throw new Mechanics.InputException($"{path}:{reader.LineNumber}: column '{header[c]}' value '{text}' is not a number");
            }
            points.Add(new SwitchCurvePoint(V(s), V(d), V(i), V(w)));
        }
        return points;
    }
}

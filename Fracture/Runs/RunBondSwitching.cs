using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// The bond-switching part of a fracture run: its minimized snapshots (snapshots/min_STRAIN.data, the one at strain 0
/// being the reference), and after the run the curves of every network former present, as bondswitch_C-N.csv,
/// bondswitch.png and a block of summary.json.
/// </summary>
public sealed class RunBondSwitching(string outDir)
{
    public string Folder { get; } = Path.Combine(outDir, "snapshots");

    public static string FileName(double strain) => string.Create(CultureInfo.InvariantCulture, $"min_{strain:0.0000}.data");

    /// <summary>Removes the snapshots of an earlier run in the same folder (a fresh run, not a resumed one).</summary>
    public void Clear()
    {
        if (!Directory.Exists(Folder)) return;
        foreach (string f in Directory.GetFiles(Folder, "min_*.data")) File.Delete(f);
    }

    public void Write(double strain, AtomSystem s)
    {
        Directory.CreateDirectory(Folder);
        AtomicFile.Write(Path.Combine(Folder, FileName(strain)),
            w => LammpsDataWriter.Write(w, s, string.Create(CultureInfo.InvariantCulture, $"FractureLab minimized snapshot at strain {strain:0.0000}")));
    }

    /// <summary>Neighbour cut-off of the per-group mean atomic shear strain, Å (OVITO's default, as <c>bondswitch --strain-cutoff</c>).</summary>
    public const double ShearCutoffA = 3.0;

    /// <summary>
    /// The curves (none when there are no snapshots or no network former), written into the run's folder, and
    /// crack.png: the reference, the snapshot nearest the peak stress and the last one, coloured by the switching class
    /// of the first network former. With <paramref name="groups"/> (a glass-ceramic's regions) each curve is also split by
    /// group, as bondswitch_C-N_groups.csv (switching, mean coordination and mean atomic shear strain per group).
    /// </summary>
    public List<NetworkFormerCurve> Analyze(LabOutput output, int axis, IReadOnlyList<string> elements, int crackAxis, double strainAtPeak, AtomGroups? groups = null)
    {
        string reference = Path.Combine(Folder, FileName(0));
        if (!File.Exists(reference)) return [];
        var refSnap = SnapshotReader.Read(reference, elements)[0];
        var currents = Directory.GetFiles(Folder, "min_*.data").Where(f => Path.GetFileName(f) != FileName(0)).Order(StringComparer.Ordinal)
            .Select(f => SnapshotReader.Read(f, elements)[0]).ToList();
        if (currents.Count == 0) return [];
        var curves = NetworkFormerSwitching.Analyze(refSnap, currents, axis);
        foreach (var c in curves)
        {
            output.Text($"bondswitch_{c.Label}.csv", w => BondSwitchTables.WriteCsv(w, c.Analysis, c.Tallies));
            if (groups is not null)
            {
                var split = groups.SplitSeries(c.Tallies, refSnap, currents, ShearCutoffA);
                output.Text($"bondswitch_{c.Label}_groups.csv", w => BondSwitchTables.WriteGroupsCsv(w, c.Analysis, split));
            }
        }
        if (curves.Count > 0)
            output.Png("bondswitch.png", BondSwitchPlots.Png("network formers", curves.Select(c => (c.Label, (IReadOnlyList<SwitchCurvePoint>)c.Tallies.Select(SwitchCurvePoint.Of).ToList())).ToList()));
        int peak = Enumerable.Range(0, currents.Count).MinBy(k => Math.Abs(currents[k].StrainAgainst(refSnap, axis).Strain - strainAtPeak));
        int[]? Classes(int k) => curves.Count > 0 ? curves[0].Tallies[k].ClassPerAtom : null;
        var panels = new List<(string, Snapshot, int[]?)>
        {
            ("before the pull (minimized)", refSnap, curves.Count > 0 ? Enumerable.Range(0, refSnap.System.Count).Select(i => refSnap.Element(i) == curves[0].Analysis.Center ? 0 : -1).ToArray() : null),
            (CrackSnapshotPlots.Title("near the peak stress", currents[peak].StrainAgainst(refSnap, axis).Strain), currents[peak], Classes(peak)),
            (CrackSnapshotPlots.Title("last snapshot", currents[^1].StrainAgainst(refSnap, axis).Strain), currents[^1], Classes(currents.Count - 1)),
        };
        output.Png("crack.png", CrackSnapshotPlots.Png(panels, crackAxis, axis));
        return curves;
    }

    public static JsonObject Json(IReadOnlyList<NetworkFormerCurve> curves)
    {
        var o = new JsonObject { ["reference"] = "snapshots/" + FileName(0) + " (the relaxed pre-cracked box, FIRE-minimized)", ["snapshots"] = "FIRE-minimized copies of the pull" };
        foreach (var c in curves)
        {
            var last = c.Tallies[^1];
            o[c.Label] = new JsonObject
            {
                ["cutoff_A"] = c.Analysis.Cutoffs.ReferenceAngstrom,
                ["reference_mean_coordination"] = c.ReferenceMeanCoordination,
                ["centers"] = last.Centers,
                ["final_strain"] = last.Strain,
                ["final_decreased_fraction"] = last.DecreasedFraction,
                ["final_increased_fraction"] = last.IncreasedFraction,
                ["final_swapped_fraction"] = last.SwappedFraction,
                ["final_switched_fraction"] = last.Fraction(last.Switched),
                ["table"] = $"bondswitch_{c.Label}.csv",
            };
        }
        return o;
    }
}

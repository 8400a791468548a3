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

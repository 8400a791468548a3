using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Runs;

namespace FractureLab.Fracture.Toughness;

/// <summary>One size × strain rate of a study and the folder prefix of its pulls ("" when the study has one of each).</summary>
public sealed record StudyCell(int[] Size, double RatePerS, string Prefix)
{
    public string Label => $"size {string.Join('x', Size)}, rate {RatePerS.ToString("0.###e0", CultureInfo.InvariantCulture)} 1/s";
}

/// <summary>
/// One pull of a study: an uncracked pull (no fraction) or a pre-cracked one at 2a/W = <see cref="Fraction"/>;
/// <see cref="StructureCache"/> is the study's folder of built structures (glass-ceramics), shared by its pulls.
/// </summary>
public sealed record StudyPull(StudyCell Cell, int Seed, double? Fraction, string Dir, string StructureCache);

/// <summary>
/// The pulls of a toughness study and where they live: per size and rate (prefix <c>size2x1x2/rate1e10/</c> when the study
/// has several), <c>uncracked/rK</c> (E and ν, one per replica) and <c>a0.200/rK</c> (one per crack length and replica),
/// each an ordinary run directory; and the run file of each (the study's base with its size, rate, seed and crack).
/// </summary>
public static class ToughnessPlan
{
    public static List<StudyCell> Cells(ToughnessStudy s) =>
        (from size in s.Sizes
         from rate in s.StrainRatesPerS
         select new StudyCell(size, rate,
             (s.Sizes.Count > 1 ? $"size{string.Join('x', size)}/" : "") +
             (s.StrainRatesPerS.Count > 1 ? $"rate{rate.ToString("0.###e0", CultureInfo.InvariantCulture)}/" : ""))).ToList();

    public static List<StudyPull> Uncracked(ToughnessStudy s, string outDir) =>
        (from c in Cells(s) from seed in s.Seeds select new StudyPull(c, seed, null, Path.Combine(outDir, c.Prefix + "uncracked", $"r{seed}"), StructuresDir(outDir))).ToList();

    public static List<StudyPull> Cracked(ToughnessStudy s, string outDir) =>
        (from c in Cells(s)
         from f in s.CrackLengthFractions
         from seed in s.Seeds
         select new StudyPull(c, seed, f, Path.Combine(outDir, c.Prefix + FractionFolder(f), $"r{seed}"), StructuresDir(outDir))).ToList();

    /// <summary>Where the study's built structures (a glass-ceramic per replica and size) are kept.</summary>
    public static string StructuresDir(string outDir) => Path.Combine(outDir, "structures");

    /// <summary>The folder of a replica's K-field loading (next to its uncracked pull).</summary>
    public static string KFieldDir(StudyPull uncracked, string outDir) => Path.Combine(outDir, uncracked.Cell.Prefix + "kfield", $"r{uncracked.Seed}");

    public static string FractionFolder(double fraction) => string.Create(CultureInfo.InvariantCulture, $"a{fraction:0.000}");

    /// <summary>The uncracked pull that a pre-cracked one shares (same size, rate and seed).</summary>
    public static StudyPull UncrackedOf(ToughnessStudy s, StudyPull p, string outDir) =>
        Uncracked(s, outDir).Single(u => u.Seed == p.Seed && u.Cell == p.Cell);

    /// <summary>The run file of a pull: the base, replicated by the cell's size (times the base's own replication), its rate, seed and crack.</summary>
    public static RunConfig ConfigOf(ToughnessStudy s, StudyPull p)
    {
        var b = s.Base;
        var baseRep = b.Replicate ?? [1, 1, 1];
        int[] rep = [baseRep[0] * p.Cell.Size[0], baseRep[1] * p.Cell.Size[1], baseRep[2] * p.Cell.Size[2]];
        var crack = p.Fraction is { } f ? b.Settings.Crack with { Kind = CrackKind.Centre, LengthFraction = f } : b.Settings.Crack with { Kind = CrackKind.None };
        return b with
        {
            StructureCache = p.StructureCache,
            Replicate = rep.All(x => x == 1) ? null : rep,
            Settings = b.Settings with
            {
                Seed = p.Seed,
                Crack = crack,
                Tension = b.Settings.Tension with { StrainRatePerS = p.Cell.RatePerS },
            },
        };
    }
}

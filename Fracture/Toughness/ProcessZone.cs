using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Strain;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// The process zone ahead of a crack tip (SCIENCE.md §10): atoms whose non-affine squared displacement D²min (Falk &amp; Langer,
/// against the relaxed pre-cracked structure, neighbours within <see cref="CutoffA"/>) exceeds <see cref="ThresholdA2"/>, in a
/// band of ±<see cref="BandA"/> about the crack plane; its size is how far ahead of the tip the 1 Å bins stay at least 30 %
/// such atoms, walking outward from the tip. LEFM needs it small against a and the ligament W/2 − a (ratio above 1/5 is flagged).
/// </summary>
public static class ProcessZone
{
    public const double CutoffA = 3.5, ThresholdA2 = 1.0, BandA = 5.0, MinShare = 0.3, MaxRatio = 0.2;

    /// <summary>The zone size (Å) ahead of each tip: (left, right); 0 when the first bin is already below the share.</summary>
    public static (double Left, double Right) Size(AtomSystem reference, AtomSystem current, CrackTipPair tips, double centreZ, int crackAxis, int loadAxis)
    {
        var d2 = AtomicStrain.Compute(new Snapshot("reference", null, reference), new Snapshot("current", null, current), CutoffA).D2Min;
        var x = current.Positions(crackAxis); var z = current.Positions(loadAxis);
        double w = current.Box.Length(crackAxis);
        double Ahead(double tipX, int dir)
        {
            int bins = (int)Math.Ceiling(0.5 * w);
            var total = new int[bins]; var plastic = new int[bins];
            for (int i = 0; i < current.Count; i++)
            {
                if (Math.Abs(z[i] - centreZ) > BandA || double.IsNaN(d2[i])) continue;
                double d = dir * (x[i] - tipX);
                d -= w * Math.Floor(d / w);     // periodic: distance ahead, 0..W
                int b = (int)d;
                if (b >= bins) continue;
                total[b]++;
                if (d2[i] > ThresholdA2) plastic[b]++;
            }
            int k = 0;
            while (k < bins && total[k] > 0 && plastic[k] >= MinShare * total[k]) k++;
            return k;
        }
        return (Ahead(tips.LeftX, -1), Ahead(tips.RightX, +1));
    }
}

namespace FractureLab.Fracture.Toughness;

/// <summary>The two tips of a centre crack along x (Å, unwrapped about the centre), or separated when the void spans the period.</summary>
public sealed record CrackTipPair(double LeftX, double RightX, bool Separated)
{
    public double LengthA => RightX - LeftX;
}

/// <summary>
/// Crack-tip tracking from the void (SCIENCE.md §10): in a band of ±<c>bandA</c> about the crack plane, the columns of the
/// coarse-grained density grid whose band mean is below the void density, walked outward from the crack centre; each tip
/// is where the band density crosses the void density (linear interpolation between the last void and the first
/// material column).
/// </summary>
public static class CrackTips
{
    public static CrackTipPair? Find(PlaneFields f, double centreX, double centreZ, double bandA = 1.5)
    {
        if (Band(f, centreX, centreZ, bandA) >= f.VoidDensity) return null;
        var right = Edge(f, centreX, centreZ, +1, bandA);
        var left = Edge(f, centreX, centreZ, -1, bandA);
        if (right is null || left is null) return new CrackTipPair(centreX - 0.5 * f.Nx * f.Hx, centreX + 0.5 * f.Nx * f.Hx, true);
        return new CrackTipPair(left.Value, right.Value, false);
    }

    /// <summary>The band density (amu/Å³) at x: the mean over ±<paramref name="bandA"/> about the crack plane.</summary>
    public static double Band(PlaneFields f, double x, double centreZ, double bandA = 1.5) =>
        Column(f, (int)Math.Round((x - f.X0) / f.Hx), centreZ, bandA);

    private static double Column(PlaneFields f, int gi, double centreZ, double bandA)
    {
        int kc = (int)Math.Round((centreZ - f.Z0) / f.Hz);
        int band = Math.Max(0, (int)Math.Round(bandA / f.Hz));
        double s = 0;
        for (int dk = -band; dk <= band; dk++) s += f.Density[f.Index(f.WrapX(gi), f.WrapZ(kc + dk))];
        return s / (2 * band + 1);
    }

    /// <summary>
    /// The edge of the void walked from <paramref name="startX"/> (inside it) in direction <paramref name="step"/> (±1):
    /// where the band density crosses the void density; null when the void reaches the grid's end (or half a periodic grid).
    /// </summary>
    public static double? Edge(PlaneFields f, double startX, double centreZ, int step, double bandA = 1.5)
    {
        int ic = (int)Math.Round((startX - f.X0) / f.Hx);
        double v = f.VoidDensity;
        int half = f.Periodic ? f.Nx / 2 : f.Nx;
        for (int d = 1; d <= half; d++)
        {
            int gi = ic + step * d;
            if (!f.Periodic && (gi < 0 || gi >= f.Nx)) return null;
            double inner = Column(f, gi - step, centreZ, bandA), outer = Column(f, gi, centreZ, bandA);
            if (outer >= v)
            {
                double t = (v - inner) / (outer - inner);
                return f.X0 + (gi - step + step * t) * f.Hx;
            }
        }
        return null;
    }
}

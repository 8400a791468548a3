using FractureLab.Mechanics;
namespace FractureLab.Fracture.Analysis;

/// <summary>Which finite-width correction F(a/W) the stress route uses.</summary>
public enum GeometryFactorKind
{
    /// <summary>Row of collinear cracks of length 2a with period W (exact for a periodic box): F = √((W/(πa))·tan(πa/W)).</summary>
    PeriodicArray,
    /// <summary>Centre crack in a finite plate, Feddersen: F = √sec(πa/W).</summary>
    Feddersen,
}

/// <summary>
/// Finite-width factors F(a/W) of K = σ√(πa)·F for a centre crack of half-length a in width (period) W
/// (SCIENCE.md §3; periodic array: Koiter/Irwin, Tada, Paris &amp; Irwin, The Stress Analysis of Cracks
/// Handbook, 3rd ed. (2000), §5; Feddersen, ASTM STP 410 (1966)). F(1/6) = 1.0501 for the periodic array.
/// </summary>
public static class CrackGeometryFactor
{
    public static double F(GeometryFactorKind kind, double halfLength, double width)
    {
        double r = halfLength / width;
        if (!(r > 0 && r < 0.5)) throw new InputException($"a/W = {r} must lie in (0, 0.5) for a centre crack");
        return kind == GeometryFactorKind.PeriodicArray
            ? Math.Sqrt(Math.Tan(Math.PI * r) / (Math.PI * r))
            : Math.Sqrt(1.0 / Math.Cos(Math.PI * r));
    }

    public static string Describe(GeometryFactorKind kind) => kind == GeometryFactorKind.PeriodicArray
        ? "periodic array of collinear cracks, F = sqrt((W/(pi a)) tan(pi a/W))"
        : "Feddersen finite plate, F = sqrt(sec(pi a/W))";
}

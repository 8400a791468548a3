using FractureLab.Fracture.Toughness;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>The crack-length and compliance routes on exact synthetic LEFM data, and the check that flags non-LEFM strengths.</summary>
public class RouteTests
{
    private const double W = 37.6, L0 = 74.0;
    private static readonly double[] HalfLengths = [0.1 * W, W / 6, 0.25 * W];

    /// <summary>σ_c (GPa) of a periodic array of LEFM cracks: K/(F√(πa)); K in MPa·m^0.5 = 0.01 GPa·√Å.</summary>
    private static double SigmaC(double kMPa, double a) => kMPa / 0.01 * CrackLengthRoute.G(a, W);

    [Fact]
    public void CrackLength_RecoversK_FromExactStrengths()
    {
        var pts = HalfLengths.Select(a => new CrackPoint(a, W, SigmaC(0.8, a), 70, L0, 1)).ToList();
        var fit = CrackLengthRoute.Fit(pts);
        Assert.Equal(0.8, fit.K.Value, 12);
        Assert.True(fit.ScalesAsLefm, fit.Check);
        Assert.All(fit.ResidualsGpa, r => Assert.True(Math.Abs(r) < 1e-9));
        // By hand for a = W/6: F = sqrt(tan(pi/6)/(pi/6)) = 1.05008, sqrt(pi a) = sqrt(pi*6.2667) = 4.4370 A^0.5, sigma = 80/(1.05008*4.4370) = 17.170 GPa.
        Assert.Equal(80 / (Math.Sqrt(Math.Tan(Math.PI / 6) / (Math.PI / 6)) * Math.Sqrt(Math.PI * W / 6)), SigmaC(0.8, W / 6), 10);
        Assert.Equal(17.170, SigmaC(0.8, W / 6), 2);
    }

    [Fact]
    public void CrackLength_WithReplicaScatter_HasAnIntervalThatHoldsK_AndAConstantStrengthIsFlagged()
    {
        double[] noise = [0.03, -0.02, 0.01, -0.04, 0.02, 0.0];
        var pts = HalfLengths.SelectMany((a, i) => new[] { 1, 2 }.Select(seed => new CrackPoint(a, W, SigmaC(0.7, a) * (1 + noise[2 * i + seed - 1]), 70, L0, seed))).ToList();
        var fit = CrackLengthRoute.Fit(pts);
        Assert.Equal(6, fit.K.N);
        Assert.InRange(0.7, fit.K.Ci95.Lo, fit.K.Ci95.Hi);
        Assert.True(fit.K.StdErr > 0 && fit.K.StdErr < 0.05);
        Assert.True(fit.ScalesAsLefm, fit.Check);
        // Strength independent of a (a strength cut-off, not LEFM): the intercept takes it all and the route is flagged.
        var flat = HalfLengths.SelectMany(a => new[] { 10.0, 10.3 }.Select(s => new CrackPoint(a, W, s, 70, L0, 1))).ToList();
        var bad = CrackLengthRoute.Fit(flat);
        Assert.False(bad.ScalesAsLefm);
        Assert.Contains("NOT", bad.Check);
    }

    [Fact]
    public void Compliance_RecoversK_FromTheExactLefmCompliance_AndItsLefmRatioIsOne()
    {
        const double ePrime = 75.0, k = 0.8;
        // 1/E_eff = 1/E + 4 f(a)/(E' L0), f(a) = -(W/pi) ln cos(pi a/W).
        var pts = HalfLengths.Select(a => new CrackPoint(a, W, SigmaC(k, a), 1 / (1 / 72.0 + 4 * ComplianceRoute.F(a, W) / (ePrime * L0)), L0, 1)).ToList();
        var fit = ComplianceRoute.Fit(pts, ePrime)!;
        Assert.Equal(1.0, fit.LefmRatio, 10);
        Assert.Equal(1 / 72.0, fit.C0PerGpa, 12);
        Assert.All(fit.KMPaSqrtM, v => Assert.Equal(k, v, 10));
        Assert.Equal(k, fit.K.Value, 10);
        // G_c = K^2/E' = 0.64e12 Pa^2 m / 75e9 Pa = 8.533 J/m2 at every crack length.
        Assert.All(fit.GcJPerM2, g => Assert.Equal(0.64e12 / 75e9, g, 8));
        // The box length drops out: the same cracks in a box twice as long (compliance term halved) give the same K.
        var longer = HalfLengths.Select(a => new CrackPoint(a, W, SigmaC(k, a), 1 / (1 / 72.0 + 4 * ComplianceRoute.F(a, W) / (ePrime * 2 * L0)), 2 * L0, 1)).ToList();
        Assert.Equal(k, ComplianceRoute.Fit(longer, ePrime)!.K.Value, 10);
        // One crack length: no derivative, no route.
        Assert.Null(ComplianceRoute.Fit(pts.Take(1).ToList(), ePrime));
    }
}

using FractureLab.Mechanics.Numerics;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Coulomb;

namespace FractureLab.Tests.Mechanics;

public class ErfcTests
{
    [Fact]
    public void AbramowitzStegun_ErrorBelow1p5e7_AgainstMathNet()
    {
        double worst = 0;
        for (int k = 0; k <= 6000; k++)
        {
            double x = k * 1e-3;
            double err = Math.Abs(Erfc.AbramowitzStegun(x, Math.Exp(-x * x)) - MathNet.Numerics.SpecialFunctions.Erfc(x));
            worst = Math.Max(worst, err);
        }
        Assert.True(worst < 1.5e-7, $"max error {worst}");
        Assert.True(worst > 1e-9, "the polynomial is an approximation; an exact result means the test is not exercising it");
    }

    /// <summary>Both flavors through the one dispatch the kernels use: the vector body gives the scalar body's bits in every lane.</summary>
    [Theory]
    [InlineData(ErfcFlavor.AbramowitzStegun)]
    [InlineData(ErfcFlavor.Exact)]
    public void VectorBody_EqualsScalarBody_LaneByLane(ErfcFlavor flavor)
    {
        var rng = new Random(5);
        for (int k = 0; k < 2000; k++)
        {
            var xs = new[] { rng.NextDouble() * 8.5, rng.NextDouble() * 4, rng.NextDouble() * 2, rng.NextDouble() * 7.99, rng.NextDouble(), rng.NextDouble() * 6, rng.NextDouble() * 3, rng.NextDouble() * 20 };
            var e = xs.Select(x => Math.Exp(-x * x)).ToArray();
            var v8 = Erfc.Evaluate(flavor, Lanes512.Create(xs), Lanes512.Create(e));
            var v4 = Erfc.Evaluate(flavor, Lanes256.Create(xs.AsSpan(0, 4)), Lanes256.Create(e.AsSpan(0, 4)));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(Erfc.Evaluate(flavor, xs[lane], e[lane]), v8[lane]);
                if (lane < 4) Assert.Equal(Erfc.Evaluate(flavor, xs[lane], e[lane]), v4[lane]);
            }
        }
    }
}

/// <summary>The polynomial "exact" erfc of the kernels against MathNet's and mpmath's (its vector body: ErfcTests).</summary>
public class ScaledErfcPolynomialTests
{
    [Fact]
    public void WithinOneE14RelativeOfMathNetUpTo6_AndOneE13UpTo26()
    {
        var rng = new Random(11);
        double worstNear = 0, worstFar = 0;
        for (int k = 0; k < 200000; k++)
        {
            double x = k < 600 ? k * 0.01 : k < 150000 ? rng.NextDouble() * 6.0 : 6.0 + rng.NextDouble() * 20.0;
            double exact = MathNet.Numerics.SpecialFunctions.Erfc(x);
            double rel = Math.Abs(ScaledErfcPolynomial.Erfc(x, Math.Exp(-x * x)) - exact) / exact;
            if (x <= 6) worstNear = Math.Max(worstNear, rel);
            else worstFar = Math.Max(worstFar, rel);
        }
        Assert.True(worstNear < 1e-14, $"max relative error on [0, 6]: {worstNear}");
        Assert.True(worstFar < 1e-13, $"max relative error on [6, 26]: {worstFar}");
    }

    [Theory]
    // erfc in 30 digits from mpmath (mp.dps = 30; mp.erfc(x)), independent of MathNet.
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 0.887537083981715107796724928256)]
    [InlineData(0.5, 0.479500122186953462317253346108)]
    [InlineData(1.6, 0.023651616655355992225716552858)]
    [InlineData(2.5, 0.000406952017444958939564215739975)]
    [InlineData(4.0, 1.54172579002800188521596734869e-8)]
    [InlineData(10.0, 2.08848758376254475700078629496e-45)]
    public void MatchesHighPrecisionValues(double x, double erfc)
    {
        double rel = Math.Abs(ScaledErfcPolynomial.Erfc(x, Math.Exp(-x * x)) / erfc - 1);
        Assert.True(rel < 2e-14, $"erfc({x}): relative error {rel}");
    }
}

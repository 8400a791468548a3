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

    [Fact]
    public void VectorBody_EqualsScalarBody_LaneByLane()
    {
        var rng = new Random(3);
        for (int k = 0; k < 1000; k++)
        {
            var xs = Enumerable.Range(0, 8).Select(_ => rng.NextDouble() * 5).ToArray();
            var e = xs.Select(v => Math.Exp(-v * v)).ToArray();
            var v8 = Erfc.AbramowitzStegun(Lanes512.Create(xs), Lanes512.Create(e));
            var v4 = Erfc.AbramowitzStegun(Lanes256.Create(xs.AsSpan(0, 4)), Lanes256.Create(e.AsSpan(0, 4)));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(Erfc.AbramowitzStegun(xs[lane], e[lane]), v8[lane]);
                if (lane < 4) Assert.Equal(Erfc.AbramowitzStegun(xs[lane], e[lane]), v4[lane]);
            }
        }
    }
}

/// <summary>The tabulated "exact" erfc of the kernels against MathNet's, and its vector body against its scalar body.</summary>
public class ScaledErfcTableTests
{
    [Fact]
    public void WithinOneE13RelativeOfMathNetUpTo8AndBeyond()
    {
        var rng = new Random(11);
        double worst = 0;
        for (int k = 0; k < 200000; k++)
        {
            double x = k < 100 ? k * 0.01 : k < 150000 ? rng.NextDouble() * 9.0 : 8.0 + rng.NextDouble() * 12.0; // past 8: the asymptotic series
            double exact = MathNet.Numerics.SpecialFunctions.Erfc(x);
            double rel = Math.Abs(ScaledErfcTable.Erfc(x, Math.Exp(-x * x)) - exact) / exact;
            worst = Math.Max(worst, rel);
        }
        Assert.True(worst < 1e-13, $"max relative error {worst}");
    }

    [Fact]
    public void VectorEqualsScalarLaneByLane()
    {
        var rng = new Random(5);
        for (int k = 0; k < 2000; k++)
        {
            // lane 0 past the table (x ≥ 8: the asymptotic series) in about one case in seventeen, lane 7 up to 20
            var xs = new[] { rng.NextDouble() * 8.5, rng.NextDouble() * 4, rng.NextDouble() * 2, rng.NextDouble() * 7.99, rng.NextDouble(), rng.NextDouble() * 6, rng.NextDouble() * 3, rng.NextDouble() * 20 };
            var e = xs.Select(x => Math.Exp(-x * x)).ToArray();
            var v8 = ScaledErfcTable.Erfc(Lanes512.Create(xs), Lanes512.Create(e));
            var v4 = ScaledErfcTable.Erfc(Lanes256.Create(xs.AsSpan(0, 4)), Lanes256.Create(e.AsSpan(0, 4)));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(ScaledErfcTable.Erfc(xs[lane], e[lane]), v8[lane]);
                if (lane < 4) Assert.Equal(ScaledErfcTable.Erfc(xs[lane], e[lane]), v4[lane]);
            }
        }
    }
}

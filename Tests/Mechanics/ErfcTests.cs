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
            var xs = new[] { rng.NextDouble() * 5, rng.NextDouble() * 5, rng.NextDouble() * 5, rng.NextDouble() * 5 };
            var x = Vector256.Create(xs);
            var e = Vector256.Create(xs.Select(v => Math.Exp(-v * v)).ToArray());
            var v = Erfc.AbramowitzStegun(x, e);
            for (int lane = 0; lane < 4; lane++)
                Assert.Equal(Erfc.AbramowitzStegun(xs[lane], e[lane]), v[lane], 15);
        }
    }
}

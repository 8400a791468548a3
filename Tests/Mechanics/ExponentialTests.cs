using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Tests.Mechanics;

public class ExponentialTests
{
    [Fact]
    public void WithinOneE15RelativeOfMathExp_OverTheWholeRange()
    {
        var rng = new Random(3);
        double worst = 0;
        for (int k = 0; k < 400000; k++)
        {
            double x = k < 200000 ? -60 * rng.NextDouble() : -708 + 1417 * rng.NextDouble();
            double exact = Math.Exp(x);
            worst = Math.Max(worst, Math.Abs(Exponential.Exp(x) - exact) / exact);
        }
        Assert.True(worst < 1e-15, $"max relative error {worst}");
        Assert.Equal(1.0, Exponential.Exp(0.0));
        Assert.Equal(Math.E, Exponential.Exp(1.0), 15);
    }

    [Fact]
    public void OutOfRange_UnderflowsToZero_OverflowsToInfinity()
    {
        Assert.Equal(0.0, Exponential.Exp(-745.2));
        Assert.Equal(0.0, Exponential.Exp(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Exponential.Exp(710));
        Assert.Equal(double.PositiveInfinity, Exponential.Exp(double.PositiveInfinity));
    }

    [Fact]
    public void NaNStaysNaN_SoAnExplodedRunIsCaught()
    {
        Assert.True(double.IsNaN(Exponential.Exp(double.NaN)));
        var v = Exponential.Exp(Lanes512.Create(new[] { double.NaN, 1.0, double.NaN, -3.0, 0.5, double.NaN, 2.0, -1.0 }));
        Assert.True(double.IsNaN(v[0]) && double.IsNaN(v[2]) && double.IsNaN(v[5]));
        Assert.Equal(Exponential.Exp(1.0), v[1]);
    }

    [Fact]
    public void VectorEqualsScalarLaneByLane()
    {
        var rng = new Random(8);
        for (int k = 0; k < 5000; k++)
        {
            var xs = new[] { -40 * rng.NextDouble(), -800 * rng.NextDouble(), 700 * rng.NextDouble(), -rng.NextDouble(), 800 * rng.NextDouble(), -5 * rng.NextDouble(), rng.NextDouble(), -710 - rng.NextDouble() };
            var v8 = Exponential.Exp(Lanes512.Create(xs));
            var v4 = Exponential.Exp(Lanes256.Create(xs.AsSpan(4, 4)));
            for (int lane = 0; lane < 8; lane++) Assert.Equal(Exponential.Exp(xs[lane]), v8[lane]);
            for (int lane = 0; lane < 4; lane++) Assert.Equal(Exponential.Exp(xs[4 + lane]), v4[lane]);
        }
    }
}

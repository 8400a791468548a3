using FractureLab.BondSwitch.Softness;
using static FractureLab.Tests.BondSwitch.Configurations;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Radial structure functions against their formula; the classifier on data whose answer is known.</summary>
public class SoftnessTests
{
    [Fact]
    public void RadialFeaturesAreGaussiansOfTheNeighbourDistances()
    {
        var s = Make("pair", [20, 20, 20], [new Atom(1, "B", 5, 5, 5), new Atom(2, "O", 7, 5, 5), new Atom(3, "Li", 5, 6.5, 5)]);
        var f = RadialFeatures.Grid(["O", "Li"], 1.5, 2.1, 0.1, 0.1);
        var g = f.Compute(s, [0])[0];
        Assert.Equal(14, f.Length);
        Assert.Equal(1.0, g[5], 12);                       // O at 2.0 Å, μ = 2.0
        Assert.Equal(Math.Exp(-0.5), g[6], 12);            // μ = 2.1, (0.1/0.1)²/2
        Assert.Equal(1.0, g[7], 12);                       // Li at 1.5 Å, μ = 1.5
        Assert.Equal(Math.Exp(-2.0), g[9], 12);            // μ = 1.7
        Assert.Equal("G_Li_1.6", f.Name(8));
    }

    [Fact]
    public void SeparableLabelsAreLearnedAndRandomOnesAreNot()
    {
        var rng = new Random(5);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x = Enumerable.Range(0, 400).Select(_ => new[] { Normal(), 3 + 2 * Normal(), Normal() }).ToList();
        // About one in four "switches", decided by a plane in the first two features.
        var y = x.Select(v => v[0] + 0.25 * (v[1] - 3) > 0.7).ToList();
        var cv = CrossValidation.Run(x, y, folds: 5, l2: 1e-4);
        Assert.True(cv.BalancedAccuracy > 0.95, $"balanced accuracy {cv.BalancedAccuracy}");
        var model = LogisticModel.Train(x, y, 1e-4);
        // The hyperplane normal points along (1, 0.25 per unit of x1, 0) in raw units: the third weight is small.
        Assert.True(Math.Abs(model.Weights[2]) < 0.1 * Math.Abs(model.Weights[0]));
        Assert.True(model.Softness([2.0, 3.0, 0.0]) > 0 && model.Softness([-1.0, 3.0, 0.0]) < 0);

        var noise = x.Select(_ => rng.NextDouble() < 0.3).ToList();
        var cvNoise = CrossValidation.Run(x, noise, folds: 5, l2: 1e-2);
        Assert.InRange(cvNoise.BalancedAccuracy, 0.35, 0.65);
    }
}

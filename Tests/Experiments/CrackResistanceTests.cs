using FractureLab.Experiments;
using FractureLab.Experiments.Indentation;
using FractureLab.Experiments.Tables;

namespace FractureLab.Tests.Experiments;

/// <summary>Crack-resistance fits recover a known 50 % load from exact expected counts, and refuse data with no answer.</summary>
public class CrackResistanceTests
{
    private static readonly double[] Loads = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2];

    /// <summary>Counts equal to the expectation of <paramref name="model"/> (within rounding of 4·10^6 corners per load).</summary>
    private static List<IndentationLevel> Exact(CrackInitiationModel model, double p50, double shape)
    {
        const int indents = 1_000_000;
        double loc = model == CrackInitiationModel.LogisticInLoad ? p50 : Math.Log(p50);
        return Loads.Select(p => new IndentationLevel(p, indents, (int)Math.Round(4.0 * indents * model.Probability(p, loc, shape)))).ToList();
    }

    [Theory]
    [InlineData(CrackInitiationModel.LogisticInLoad, 0.7, 0.3)]
    [InlineData(CrackInitiationModel.LogisticInLogLoad, 0.68, 0.45)]
    [InlineData(CrackInitiationModel.Weibull, 1.2, 2.5)]
    public void ExactData_RecoversP50AndShape(CrackInitiationModel model, double p50, double shape)
    {
        var fit = CrackResistanceFitter.Fit(Exact(model, p50, shape), model);
        Assert.Equal(p50, fit.P50N, 3);
        Assert.Equal(shape, fit.Shape, 2);
        Assert.InRange(p50, fit.Ci95LowN, fit.Ci95HighN);
        Assert.True(fit.Ci95HighN - fit.Ci95LowN < 0.01 * p50, "4e6 corners per load pin P50 to well under 1 %");
    }

    [Fact]
    public void Probability_IsOneHalfAtP50_ForEveryModel()
    {
        Assert.Equal(0.5, CrackInitiationModel.LogisticInLoad.Probability(0.9, 0.9, 0.2), 14);
        Assert.Equal(0.5, CrackInitiationModel.LogisticInLogLoad.Probability(0.9, Math.Log(0.9), 0.2), 14);
        Assert.Equal(0.5, CrackInitiationModel.Weibull.Probability(0.9, Math.Log(0.9), 3.0), 14);
    }

    [Fact]
    public void SeparatedData_GiveTheBracket()
    {
        var levels = new List<IndentationLevel> { new(0.25, 5, 0), new(0.5, 5, 0), new(1.0, 5, 20), new(2.0, 5, 20) };
        var fit = CrackResistanceFitter.Fit(levels, CrackInitiationModel.LogisticInLogLoad);
        Assert.True(fit.Separated);
        Assert.Equal(0.5, fit.Ci95LowN);
        Assert.Equal(1.0, fit.Ci95HighN);
        Assert.Equal(Math.Sqrt(0.5), fit.P50N, 12);
    }

    [Fact]
    public void NoCracksAnywhere_IsAnError()
    {
        var levels = new List<IndentationLevel> { new(0.25, 5, 0), new(0.5, 5, 0) };
        var e = Assert.Throws<LabDataException>(() => CrackResistanceFitter.Fit(levels, CrackInitiationModel.Weibull));
        Assert.Contains("above the tested range", e.Message);
    }

    [Theory]
    [InlineData("load_N,indents,cracked_corners\n0.5,10,41\n1,10,20\n", "line 2, column 'cracked_corners'")]
    [InlineData("load_N,indents,cracked_corners\n-0.5,10,4\n1,10,20\n", "line 2, column 'load_N'")]
    [InlineData("load_N,indents\n0.5,10\n", "missing column 'cracked_corners'")]
    public void BadSeries_IsNamed(string text, string message)
    {
        var e = Assert.Throws<LabDataException>(() => IndentationSeries.FromTable(CsvTable.Parse(text, "cr.csv")));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ExampleSeries_AllThreeFitsNearTheGeneratingLoad()
    {
        var r = CrackResistanceResult.Compute("cr", IndentationSeries.Read(TestData.Example("indentation/cr_38LiBP.csv")));
        Assert.Equal(3, r.Fits.Count);
        // Drawn from a logistic in ln P with P50 = 0.68 N and 40 corners per load: each estimate's interval must hold it.
        Assert.All(r.Fits.Where(f => f.Model != CrackInitiationModel.LogisticInLoad), f => Assert.InRange(0.68, f.Ci95LowN, f.Ci95HighN));
    }
}

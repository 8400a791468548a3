using FractureLab.Fracture.Toughness;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>
/// The size and rate lines of <see cref="ToughnessConvergence"/> against values worked by hand (straight-line least
/// squares, Bevington &amp; Robinson §6.4).
/// </summary>
public class ConvergenceFitTests
{
    [Fact]
    public void ExactLine_EqualErrors_GivesTheInterceptAndThePropagatedError()
    {
        // y = 0.8 - 10 x at x = 1, 2, 3 with σ = 0.1 each: χ² = 0, and at x0 = 0 the error is
        // σ·sqrt(1/n + x̄²/Sxx) = 0.1·sqrt(1/3 + 4/2) = 0.152753.
        var fit = ToughnessConvergence.Fit([1, 2, 3], [-9.2, -19.2, -29.2], 0, [0.1, 0.1, 0.1])!;
        Assert.True(fit.Weighted);
        Assert.Equal(0.8, fit.Extrapolated, 10);
        Assert.Equal(-10, fit.Slope, 10);
        Assert.Equal(0.1 * Math.Sqrt(7.0 / 3), fit.StdErrFromPoints, 10);
        Assert.Equal(fit.StdErrFromPoints, fit.StdErr, 12);
        Assert.Equal(0, fit.ChiSquaredPerDof, 10);
    }

    [Fact]
    public void ScatterBeyondTheErrors_ScalesTheErrorByTheBirgeRatio_AndEqualsTheUnweightedScatterError()
    {
        // y = 1, 2, 4 at x = 0, 1, 2, σ = 0.1: a = 5/6, b = 3/2, residuals 1/6, -1/3, 1/6, χ² = (1/6)/0.01 = 16.67 on 1 dof.
        // Propagated at x0 = 0: 0.1·sqrt(1/3 + 1/2) = 0.091287; scaled by sqrt(16.67): 0.372678 = sqrt(s²(1/n + x̄²/Sxx)), s² = 1/6.
        var w = ToughnessConvergence.Fit([0, 1, 2], [1, 2, 4], 0, [0.1, 0.1, 0.1])!;
        Assert.Equal(5.0 / 6, w.Extrapolated, 10);
        Assert.Equal(1.5, w.Slope, 10);
        Assert.Equal(0.1 * Math.Sqrt(5.0 / 6), w.StdErrFromPoints, 10);
        Assert.Equal(50.0 / 3, w.ChiSquaredPerDof, 8);
        Assert.Equal(Math.Sqrt(1.0 / 6 * 5.0 / 6), w.StdErr, 10);
        var u = ToughnessConvergence.Fit([0, 1, 2], [1, 2, 4], 0)!;
        Assert.False(u.Weighted);
        Assert.Equal(w.StdErr, u.StdErr, 10);
        Assert.True(double.IsNaN(u.ChiSquaredPerDof));
    }

    [Fact]
    public void APointWithAHugeError_BarelyMovesTheLine()
    {
        var fit = ToughnessConvergence.Fit([0, 1, 2], [1, 3, 100], 0, [0.01, 0.01, 1e6])!;
        Assert.Equal(1, fit.Extrapolated, 6);
        Assert.Equal(2, fit.Slope, 6);
        // Unweighted, the third point drags the intercept to y(0) = (1 + 3 + 100)/3 - 49.5 = -14.83.
        Assert.Equal(104.0 / 3 - 49.5, ToughnessConvergence.Fit([0, 1, 2], [1, 3, 100], 0)!.Extrapolated, 8);
    }

    [Fact]
    public void TwoPoints_AreExact_WithThePointsErrorsOnly_AndMissingErrorsFallBackToUnweighted()
    {
        // Through (1, 1) and (3, 2) to x0 = 0: y = 0.5 + 0.5 x; Var y0 = σ1²(x2/(x2-x1))² + σ2²(x1/(x2-x1))² = 0.09·2.25 + 0.01·0.25.
        var fit = ToughnessConvergence.Fit([1, 3], [1, 2], 0, [0.3, 0.1])!;
        Assert.Equal(0.5, fit.Extrapolated, 10);
        Assert.Equal(Math.Sqrt(0.09 * 2.25 + 0.01 * 0.25), fit.StdErr, 10);
        Assert.True(double.IsNaN(fit.ChiSquaredPerDof));
        var noErr = ToughnessConvergence.Fit([1, 3], [1, 2], 0, [0.3, double.NaN])!;
        Assert.False(noErr.Weighted);
        Assert.True(double.IsNaN(noErr.StdErr));
        Assert.Null(ToughnessConvergence.Fit([2, 2], [1, 2], 0));
    }

    [Fact]
    public void Reach_IsTheDistancePastTheData_InUnitsOfTheirSpan()
    {
        // log10 rates 9, 10, 11 carried to log10(1) = 0: 9 decades past a span of 2 -> 4.5; 1/W = 1/37, 1/75, 1/112 to 0: (1/112)/(1/37 - 1/112)
        Assert.Equal(4.5, ToughnessConvergence.Fit([9, 10, 11], [0.49, 0.51, 0.55], 0)!.Reach, 12);
        double a = 1 / 37.3, c = 1 / 111.9;
        Assert.Equal(c / (a - c), ToughnessConvergence.Fit([a, 1 / 74.6, c], [0.51, 0.65, 0.71], 0)!.Reach, 12);
        Assert.Equal(0, ToughnessConvergence.Fit([1, 2, 3], [1, 2, 3], 2.5)!.Reach);
    }

    [Fact]
    public void ErrorBars_AreDrawnAtPlusMinusTheError()
    {
        // OxyPlot's ScatterErrorSeries draws y ± ErrorY/2 (Source/OxyPlot/Series/ScatterErrorSeries.cs, Render), so a bar of
        // ± 0.3 needs ErrorY = 0.6; no error draws no bar.
        Assert.Equal(0.6, FractureLab.Experiments.Plots.PlotExport.ErrorPoint(1, 2, 0.3).ErrorY, 15);
        Assert.Equal(0, FractureLab.Experiments.Plots.PlotExport.ErrorPoint(1, 2, double.NaN).ErrorY);
    }
}

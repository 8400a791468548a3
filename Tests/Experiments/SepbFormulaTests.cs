using FractureLab.Experiments.Sepb;

namespace FractureLab.Tests.Experiments;

/// <summary>
/// The ASTM C1421 formulas against hand arithmetic (expected values from 40-digit decimal arithmetic of
/// SCIENCE.md §5's expressions), and the three mistakes found in public code ruled out.
/// </summary>
public class SepbFormulaTests
{
    [Fact]
    public void ThreePoint_AtHalfDepthAndSpanFourDepths_YStarIs10p65()
    {
        Assert.Equal(3.0, SepbFormulas.G(0.5), 14);
        Assert.Equal(0.8875, SepbFormulas.F3(0.5), 14);
        Assert.Equal(10.65, SepbFormulas.YStar(Loading.ThreePoint, 0.5, 16.0, 0.0, 4.0), 12);
    }

    [Fact]
    public void ThreePoint_WorkedExample_MatchesHandArithmetic()
    {
        // P = 100 N, S = 16 mm, B = 3 mm, W = 4 mm, a = 2 mm: K = P/(B√W)·10.65 = 5.61304284679887 MPa·m^0.5.
        double k = SepbFormulas.KIcPaSqrtM(Loading.ThreePoint, 100.0, 0.003, 0.004, 0.002, 0.016, 0.0) * 1e-6;
        Assert.Equal(5.61304284679887, k, 11);
    }

    [Fact]
    public void FourPoint_WorkedExample_MatchesHandArithmetic()
    {
        // α = 0.5: f4 = 1.9887 − 0.663 − 3.4875·0.25/2.25 = 0.9382; S_o = 40, S_i = 20, W = 4, B = 3 mm, P = 100 N:
        // K = P/(B√W)·(20/4)·3·0.9382 = 7.41712225192493 MPa·m^0.5.
        Assert.Equal(0.9382, SepbFormulas.F4(0.5), 14);
        double k = SepbFormulas.KIcPaSqrtM(Loading.FourPoint, 100.0, 0.003, 0.004, 0.002, 0.040, 0.020) * 1e-6;
        Assert.Equal(7.41712225192493, k, 11);
    }

    [Theory]
    [InlineData(0.35)]
    [InlineData(0.45)]
    [InlineData(0.6)]
    public void ThreePoint_EqualsTheThesisForm(double alpha)
    {
        // The thesis: Y* = (3/2)(S/W) α^½/(1−α)^1.5 f(α), written out independently here.
        double f = (1.99 - alpha * (1 - alpha) * (2.15 - 3.93 * alpha + 2.7 * alpha * alpha)) / (1 + 2 * alpha);
        double thesis = 1.5 * 4.0 * Math.Sqrt(alpha) / Math.Pow(1 - alpha, 1.5) * f;
        Assert.Equal(thesis, SepbFormulas.YStar(Loading.ThreePoint, alpha, 20.0, 0.0, 5.0), 12);
    }

    [Fact]
    public void Mistake1_DroppingTheOnePointFiveRootAlphaFactor_IsRuledOut()
    {
        // g(0.25) = 3·0.5/(2·0.75^1.5) = 1.15470053837925; without the 1.5√α factor it would be 1/0.75^1.5 = 1.5396.
        Assert.Equal(1.1547005383792515, SepbFormulas.G(0.25), 12);
    }

    [Fact]
    public void Mistake2_DividingByRootWInsteadOfWToTheOnePointFive_IsRuledOut()
    {
        // Doubling W and a at fixed α, span and load: K must fall by 2^1.5 (by 2^0.5 with the mistake).
        double k1 = SepbFormulas.KIcPaSqrtM(Loading.ThreePoint, 50.0, 0.003, 0.004, 0.002, 0.016, 0.0);
        double k2 = SepbFormulas.KIcPaSqrtM(Loading.ThreePoint, 50.0, 0.003, 0.008, 0.004, 0.016, 0.0);
        Assert.Equal(Math.Pow(2, 1.5), k1 / k2, 12);
    }

    [Fact]
    public void Mistake3_OmittingTheThreeHalves_IsRuledOut()
    {
        // Without the 3/2, Y*(0.5, S/W = 4) would be 7.1.
        double y = SepbFormulas.YStar(Loading.ThreePoint, 0.5, 16.0, 0.0, 4.0);
        Assert.NotEqual(7.1, y, 6);
        Assert.Equal(10.65, y, 12);
    }
}

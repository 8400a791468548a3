using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Tests.Mechanics;

/// <summary>Golden values computed independently with mpmath at 40 digits from the published formulas: <c>python3 Tests/Mechanics/potential_golden.py</c> prints every one.</summary>
public class PotentialGoldenTests
{
    private static void Close(double expected, double actual, double rel = 1e-13) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Buckingham_BksSiO_MatchesHighPrecision()
    {
        var t = Buckingham.Evaluate(1.6 * 1.6, new BuckinghamParameters(18003.7572, 0.205205, 133.5381));
        Close(-0.56115745180410052, t.Energy);
        Close(3.8783045813246332, t.ForceOverR);
        var o = Buckingham.Evaluate(2.6 * 2.6, new BuckinghamParameters(1388.7730, 0.362319, 175.0));
        Close(0.49552924388357229, o.Energy);
        Close(0.62457329947151196, o.ForceOverR);
    }

    [Fact]
    public void Buckingham_WithR24Wall_MatchesHighPrecision()
    {
        var t = Buckingham.Evaluate(1.2 * 1.2, new BuckinghamParameters(18003.7572, 0.205205, 133.5381, 29.0));
        Close(7.6057960752495244, t.Energy);
        Close(30.758970792090076, t.ForceOverR);
    }

    [Fact]
    public void MorsePedone_SiO_MatchesHighPrecision()
    {
        var t = MorsePedone.Evaluate(1.7 * 1.7, new MorsePedoneParameters(0.340554, 2.006700, 2.1, 1.0));
        Close(0.17765515618150964, t.Energy);
        Close(2.2165969823107817, t.ForceOverR);
    }

    [Fact]
    public void LennardJones_MatchesHighPrecision()
    {
        var t = LennardJones.Evaluate(3.5 * 3.5, new LennardJonesParameters(0.0104, 3.4));
        Close(-0.0055808583941455213, t.Energy);
        Close(0.011655795058595419, t.ForceOverR);
    }

    [Fact]
    public void BornMayerHuggins_MatchesHighPrecision()
    {
        var t = BornMayerHuggins.Evaluate(2.8 * 2.8, new BornMayerHugginsParameters(0.2637, 0.317, 2.34, 1.048, 0.499));
        Close(0.059745238150062831, t.Energy);
        Close(0.068082767393393225, t.ForceOverR);
    }

    [Fact]
    public void CoreBuckingham_InsideCore_UsesBrnPlusDr2()
    {
        var p = new CoreBuckinghamParameters(2029.2204, 0.343640, 192.580, 46.462, 3.430, -0.32605, 1.906);
        var t = CoreBuckingham.Evaluate(1.5 * 1.5, p);
        Close(10.83030226477228, t.Energy);
        Close(18.280645619186187, t.ForceOverR);
        var outside = CoreBuckingham.Evaluate(2.6 * 2.6, p);
        var plain = Buckingham.Evaluate(2.6 * 2.6, new BuckinghamParameters(2029.2204, 0.343640, 192.580));
        Assert.Equal(plain, outside);
    }

    [Fact]
    public void Dsf_ExactErfc_MatchesFennellGezelterFormula()
    {
        var p = DampedShiftedForceParameters.Create(0.2, 10.0, ErfcFlavor.Exact);
        var t = DampedShiftedForce.Evaluate(9.0, p, -2.88);
        Close(-5.3231888408939448, t.Energy);
        Close(-1.3276072029187581, t.ForceOverR);
        Close(-9.5692114984442972, DampedShiftedForce.SelfEnergy(p, 2.4));
        Assert.Equal(default, DampedShiftedForce.Evaluate(100.0, p, -2.88));
    }

    [Fact]
    public void Dsf_AbramowitzStegunErfc_StaysWithinItsErrorBound()
    {
        var exact = DampedShiftedForce.Evaluate(9.0, DampedShiftedForceParameters.Create(0.2, 10.0, ErfcFlavor.Exact), -2.88);
        var approx = DampedShiftedForce.Evaluate(9.0, DampedShiftedForceParameters.Create(0.2, 10.0, ErfcFlavor.AbramowitzStegun), -2.88);
        // |Δerfc| ≤ 1.5e-7 → |ΔU| ≤ k|qq|·1.5e-7/r
        Assert.InRange(Math.Abs(approx.Energy - exact.Energy), 1e-12, 14.399645 * 2.88 * 1.5e-7 / 3.0);
    }

    [Fact]
    public void Wolf_ForceCarriesDsfShift_EnergyOnlyEnergyShift()
    {
        var p = WolfParameters.Create(0.25, 10.0, ErfcFlavor.Exact);
        var t = WolfSummation.Evaluate(9.0, p, -2.88);
        Close(-3.9911984124137825, t.Energy);
        Close(-1.1834832894743481, t.ForceOverR);
    }
}

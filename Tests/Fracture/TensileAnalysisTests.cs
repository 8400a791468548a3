using FractureLab.Fracture.Analysis;
using FractureLab.Mechanics;

namespace FractureLab.Tests.Fracture;

/// <summary>Every formula of SCIENCE.md §3 on curves whose answers are known by hand.</summary>
public class TensileAnalysisTests
{
    private static double[] Range(double step, int n) => Enumerable.Range(0, n).Select(i => i * step).ToArray();

    /// <summary>σ = 10 GPa·ε/0.1 up to ε = 0.1, then down to 0 at ε = 0.2, sampled every 0.005.</summary>
    private static TensileCurve Triangle(double l0 = 100.0)
    {
        var e = Range(0.005, 41);
        var s = e.Select(x => x <= 0.1 + 1e-12 ? 100 * x : 100 * (0.2 - x)).ToArray();
        return new TensileCurve(e, s, null, null, l0);
    }

    [Fact]
    public void LinearCurve_GivesExactModulus_AndTheInterceptAbsorbsAnOffset()
    {
        var e = Range(0.001, 51);
        var r = TensileAnalysis.Analyze(new TensileCurve(e, e.Select(x => 0.3 + 70 * x).ToArray(), null, null, 50));
        Assert.Equal(70.0, r.Fit1.SlopeGpa, 10);
        Assert.Equal(70.0, r.Fit2.SlopeGpa, 10);
        Assert.Equal(0.3, r.Fit1.InterceptGpa, 10);
        Assert.Equal(11, r.Fit1.Points);
        Assert.Equal(1.0, r.Fit1.RSquared, 12);
        Assert.Equal(70.0, r.YoungsModulusGpa!.Value, 10);
        Assert.Contains("own slope", r.ModulusSource);
        Assert.False(r.Separated);
    }

    [Fact]
    public void Triangle_GivesExactPeakFailureStrainAndFractureEnergy()
    {
        var r = TensileAnalysis.Analyze(Triangle(), new TensileAnalysisOptions(YoungsModulusGpa: 100, PoissonRatio: 0.25));
        Assert.Equal(10.0, r.StrengthGpa, 12);
        Assert.Equal(0.1, r.StrainAtPeak, 12);
        Assert.True(r.Separated);
        Assert.Equal(0.195, r.FailureStrain!.Value, 12);                 // first point below 1 GPa
        // ∫₀^0.195 σ dε = 1.0 − ½·0.005·0.5 = 0.99875 GPa; G_c = 0.1·100 Å·0.99875 = 9.9875 J/m².
        Assert.Equal(9.9875, r.FractureEnergyJPerM2!.Value, 10);
        Assert.Equal(9.9875 / 2, r.SurfaceEnergyJPerM2!.Value, 10);
        // √(E·G) = √(100e9 Pa · 9.9875 J/m²) = 0.999375 MPa·m^0.5; plane strain ÷ √(1 − 0.0625).
        Assert.Equal(Math.Sqrt(100e9 * 9.9875) * 1e-6, r.KIcEnergyMPaSqrtM!.Value, 12);
        Assert.Equal(Math.Sqrt(100e9 * 9.9875 / 0.9375) * 1e-6, r.KIcEnergyPlaneStrainMPaSqrtM!.Value, 12);
    }

    [Fact]
    public void UnseparatedRun_ReportsLowerBoundsNotValues()
    {
        var e = Range(0.005, 21);                                          // stops at the peak
        var r = TensileAnalysis.Analyze(new TensileCurve(e, e.Select(x => 100 * x).ToArray(), null, null, 100));
        Assert.False(r.Separated);
        Assert.Null(r.FailureStrain);
        Assert.Null(r.FractureEnergyJPerM2);
        Assert.Null(r.KIcEnergyMPaSqrtM);
        Assert.Equal(0.1 * 100 * 0.5, r.FractureEnergyLowerBoundJPerM2, 10);   // ∫ = ½·0.1·10 = 0.5 GPa
        Assert.NotNull(r.KIcEnergyLowerBoundMPaSqrtM);
    }

    [Fact]
    public void LateralStrains_GivePoissonRatio()
    {
        var e = Range(0.001, 21);
        var lat = e.Select(x => -0.22 * x).ToArray();
        var r = TensileAnalysis.Analyze(new TensileCurve(e, e.Select(x => 80 * x).ToArray(), lat, lat.ToArray(), 40));
        Assert.Equal(0.22, r.PoissonRatio!.Value, 12);
    }

    [Fact]
    public void FixedLateral_SlopeIsM_AndEComesFromNu()
    {
        // ν = 0.25: M = E(1−ν)/((1+ν)(1−2ν)) = 1.2 E; a slope of 120 GPa is E = 100 GPa.
        var e = Range(0.001, 21);
        var r = TensileAnalysis.Analyze(new TensileCurve(e, e.Select(x => 120 * x).ToArray(), null, null, 40),
            new TensileAnalysisOptions(PoissonRatio: 0.25, FixedLateral: true));
        Assert.Equal(120.0, r.LongitudinalModulusGpa!.Value, 10);
        Assert.Equal(100.0, r.YoungsModulusGpa!.Value, 10);
    }

    [Fact]
    public void PeriodicCrackFactor_At_aOverW_OneSixth_Is1p0501()
    {
        Assert.Equal(1.0501, CrackGeometryFactor.F(GeometryFactorKind.PeriodicArray, 10, 60), 4);
        Assert.Equal(Math.Sqrt(1 / Math.Cos(Math.PI / 6)), CrackGeometryFactor.F(GeometryFactorKind.Feddersen, 10, 60), 12);
        Assert.Equal(1.0, CrackGeometryFactor.F(GeometryFactorKind.PeriodicArray, 1e-4, 60), 8);
        Assert.Throws<InputException>(() => CrackGeometryFactor.F(GeometryFactorKind.PeriodicArray, 30, 60));
    }

    [Fact]
    public void StressRoute_And_Ligament_MatchHandArithmetic()
    {
        var o = new TensileAnalysisOptions(CrackHalfLengthA: 10, PeriodA: 60, Area: FractureArea.Ligament);
        var r = TensileAnalysis.Analyze(Triangle(), o);
        double f = Math.Sqrt(Math.Tan(Math.PI / 6) / (Math.PI / 6));
        // σ_max √(πa) F with σ in Pa and a in m: 10e9 · √(π·1e-9) · F Pa·m^0.5.
        Assert.Equal(10e9 * Math.Sqrt(Math.PI * 1e-9) * f * 1e-6, r.KIcStressMPaSqrtM!.Value, 10);
        Assert.Equal(9.9875 * 60 / 40, r.FractureEnergyJPerM2!.Value, 10);
    }

    [Fact]
    public void UnitConversions_AreSiArithmetic()
    {
        Assert.Equal(1e-10 * 1e9, FractureUnits.WorkPerAreaJPerM2(1.0, 1.0), 15);
        Assert.Equal(0.031622776601683794, FractureUnits.KFromEnergy(1.0, 1.0), 15);
        Assert.Equal(1e9 * Math.Sqrt(1e-10) * 1e-6, FractureUnits.KFromStress(1.0, 1.0 / Math.PI, 1.0), 15);
    }

    [Fact]
    public void TooFewPointsInTheFitWindow_IsAClearError()
    {
        var e = new[] { 0.0, 0.05, 0.1, 0.15 };
        var ex = Assert.Throws<InputException>(() => TensileAnalysis.Analyze(new TensileCurve(e, e, null, null, 10), source: "c.csv"));
        Assert.Contains("c.csv: fewer than 2 points with 0 <= strain <= 0.01", ex.Message);
    }

    [Fact]
    public void LammpsLog_ThermoBlocksAreJoined_AndPressureInBarBecomesTensileGpa()
    {
        string log = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.lammps");
        var lines = new List<string> { "LAMMPS (7 Jan 2022)", "units metal", "Step Temp E_pair TotEng Press Volume", "0 300 -100 -90 1000 16000", "Loop time of 1 on 2 procs",
            "Per MPI rank memory allocation", "   Step          Temp          Pzz            Lx            Ly            Lz    " };
        for (int i = 0; i <= 10; i++) lines.Add($"{i * 100} 300 {-700000.0 * i * 0.002} 20 20 {40 * (1 + i * 0.002)}");
        lines.Add("Loop time of 1.0 on 2 procs for 1000 steps with 100 atoms");
        lines.Add("WARNING: something");
        lines.Add("Step Temp Pzz Lx Ly Lz");
        for (int i = 11; i <= 20; i++) lines.Add($"{i * 100} 300 {-700000.0 * i * 0.002} 20 20 {40 * (1 + i * 0.002)}");
        lines.Add("Loop time of 1.0 on 2 procs for 1000 steps with 100 atoms");
        File.WriteAllLines(log, lines);
        var c = CurveSources.FromLammpsLog(log, 2);
        Assert.Equal(21, c.Count);
        Assert.Equal(40.0, c.InitialLengthA);
        Assert.Equal(0.04, c.Strain[20], 12);
        Assert.Equal(70.0 * 0.04, c.StressGpa[20], 9);                  // 700 000 bar·0.04 = 2.8 GPa
        Assert.Equal(70.0, TensileAnalysis.Analyze(c).Fit1.SlopeGpa, 8);
    }
}

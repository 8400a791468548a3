using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics.IO;
using FractureLab.Fracture.Analysis;
using FractureLab.Mechanics;

namespace FractureLab.Cli.Commands;

/// <summary>Options shared by <c>analyze-curve</c> and <c>analyze-lammps</c>: crack geometry, E and ν of an uncracked box, conventions.</summary>
public sealed class TensileCliOptions
{
    private readonly Option<double?> _a = new("--crack-half-length-A") { Description = "half-length a of the centre crack, Å (stress-route K_Ic)" };
    private readonly Option<double?> _w = new("--period-A") { Description = "period W of the box along the crack direction, Å" };
    private readonly Option<double?> _e = new("--youngs-modulus-GPa") { Description = "E of an uncracked box of the same glass (default: this curve's own slope)" };
    private readonly Option<double?> _nu = new("--poisson") { Description = "Poisson's ratio of the uncracked box" };
    private readonly Option<bool> _fixed = new("--fixed-lateral") { Description = "protocol B: lateral lengths were fixed, the slope is M" };
    private readonly Option<string> _area = new("--area") { Description = "G_c area: full (cross-section) or ligament ((W-2a) x thickness)", DefaultValueFactory = _ => "full" };
    private readonly Option<string> _factor = new("--geometry-factor") { Description = "periodic (row of cracks) or feddersen", DefaultValueFactory = _ => "periodic" };
    private readonly Option<double> _failure = new("--failure-fraction") { Description = "failure when stress < this fraction of the peak", DefaultValueFactory = _ => 0.1 };
    private readonly Option<string> _out = new("--out") { Description = "summary JSON file", Required = true };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { _a, _w, _e, _nu, _fixed, _area, _factor, _failure, _out }) cmd.Options.Add(o);
    }

    public string Out(ParseResult p) => p.GetValue(_out)!;

    public TensileAnalysisOptions Bind(ParseResult p)
    {
        var a = p.GetValue(_a);
        var w = p.GetValue(_w);
        if ((a is null) != (w is null)) throw new InputException("--crack-half-length-A and --period-A go together");
        var area = p.GetValue(_area) switch
        {
            "full" => FractureArea.FullCrossSection,
            "ligament" => FractureArea.Ligament,
            var s => throw new InputException($"--area '{s}' is not full or ligament"),
        };
        var factor = p.GetValue(_factor) switch
        {
            "periodic" => GeometryFactorKind.PeriodicArray,
            "feddersen" => GeometryFactorKind.Feddersen,
            var s => throw new InputException($"--geometry-factor '{s}' is not periodic or feddersen"),
        };
        double f = p.GetValue(_failure);
        if (!(f > 0 && f < 1)) throw new InputException($"--failure-fraction {f.ToString(CultureInfo.InvariantCulture)} must lie in (0, 1)");
        return new TensileAnalysisOptions(FailureFraction: f, CrackHalfLengthA: a, PeriodA: w, YoungsModulusGpa: p.GetValue(_e),
            PoissonRatio: p.GetValue(_nu), FixedLateral: p.GetValue(_fixed), Area: area, GeometryFactor: factor);
    }

    /// <summary>Analyses, writes the summary and prints the headline numbers.</summary>
    public int Report(ParseResult p, TensileCurve curve, string source)
    {
        var o = Bind(p);
        var r = TensileAnalysis.Analyze(curve, o, source);
        JsonOutput.Write(Out(p), TensileReport.SummaryJson(r, curve, o));
        var ci = CultureInfo.InvariantCulture;
        string F(double? v, string fmt) => v?.ToString(fmt, ci) ?? "n/a";
        Console.WriteLine($"E {F(r.YoungsModulusGpa, "0.0")} GPa ({r.ModulusSource}), nu {F(r.PoissonRatio, "0.000")}, sigma_max {r.StrengthGpa.ToString("0.00", ci)} GPa at strain {r.StrainAtPeak.ToString("0.000", ci)}");
        Console.WriteLine(r.Separated
            ? $"failure strain {F(r.FailureStrain, "0.000")}, G_c {F(r.FractureEnergyJPerM2, "0.00")} J/m², K_Ic energy {F(r.KIcEnergyMPaSqrtM, "0.000")} (plane strain {F(r.KIcEnergyPlaneStrainMPaSqrtM, "0.000")}), stress route {F(r.KIcStressMPaSqrtM, "0.000")} MPa·m^0.5"
            : $"not separated: G_c ≥ {r.FractureEnergyLowerBoundJPerM2.ToString("0.00", ci)} J/m², K_Ic energy ≥ {F(r.KIcEnergyLowerBoundMPaSqrtM, "0.000")} (plane strain ≥ {F(r.KIcEnergyPlaneStrainLowerBoundMPaSqrtM, "0.000")}); stress route {F(r.KIcStressMPaSqrtM, "0.000")} MPa·m^0.5");
        return 0;
    }
}

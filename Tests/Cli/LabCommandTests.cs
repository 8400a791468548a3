using System.Text.Json;

namespace FractureLab.Tests.Cli;

/// <summary>The lab commands end to end: files with the documented columns and keys, one-line errors with exit code 1.</summary>
[Collection("console")]
public class LabCommandTests
{
    private static (int Code, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Sepb_OnTheExampleSet_WritesResultsSummaryReportAndPlots()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("sepb", TestData.Example("sepb/sheet.csv"), "--out", dir);
        Assert.True(code == 0, err);
        var header = File.ReadLines(Path.Combine(dir, "results.csv")).First();
        Assert.StartsWith("id,loading,alpha,Y_star,Pmax_N,KIc_MPa_sqrt_m,valid,reasons", header);
        Assert.EndsWith("glass,x_Li2O_mol_pct,operator", header);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(7, doc.RootElement.GetProperty("n_valid").GetInt32());
        foreach (var k in new[] { "mean", "sd", "ci95" }) doc.RootElement.GetProperty(k);
        Assert.True(File.Exists(Path.Combine(dir, "report.md")));
        Assert.True(new FileInfo(Path.Combine(dir, "curve_S1.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(dir, "kic.png")).Length > 1000);
    }

    [Fact]
    public void Sepb_BadSheet_OneLineNamingLineAndColumn()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string sheet = Path.Combine(dir, "bad.csv");
        File.WriteAllText(sheet, "id,loading,B_mm,W_mm,S_mm,a1_mm,a2_mm,a3_mm,Pmax_N\nA,3pt,3,4,16,2,2,2,100\nB,3pt,3,4mm,16,2,2,2,100\n");
        var (code, err) = Run("sepb", sheet, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("line 3, column 'W_mm': '4mm' is not a number", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void Compare_OnTheThesisTable_WritesTablePlotsAndSummary()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string thesis = TestData.Example("thesis_table_4_1.csv");
        var (code, err) = Run("compare", "--sim", thesis, "--exp", thesis, "--out", dir);
        Assert.True(code == 0, err);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir, "comparison.csv")).Length);
        Assert.True(new FileInfo(Path.Combine(dir, "comparison.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(dir, "compare_KIc_MPa_sqrt_m.png")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal("glass", doc.RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public void CrackResistance_OnTheExample_WritesSummary()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("crack-resistance", TestData.Example("indentation/cr_38LiBP.csv"), "--out", dir);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.InRange(doc.RootElement.GetProperty("CR_N").GetDouble(), 0.4, 1.0);
    }

    [Fact]
    public void Compare_MissingFile_OneLine()
    {
        var (code, err) = Run("compare", "--sim", "nope.csv", "--exp", "nope2.csv", "--out", Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.Contains("nope.csv: file does not exist", err);
    }

    /// <summary>plot: one line per file with the file's points, labels from =LABEL; a missing column names the file and the columns it has.</summary>
    [Fact]
    public void Plot_TwoCurves_PngAndSvgWithBothLabels_AndAMissingColumnIsNamed()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
        File.WriteAllText(a, "strain,stress_GPa\n0,0\n0.01,0.7\n0.02,1.4\n");
        File.WriteAllText(b, "strain,stress_GPa,other\n0,0,1\n0.01,0.6,\n0.02,,3\n");
        string png = Path.Combine(dir, "fig", "curves.png");
        var (code, err) = Run("plot", "--csv", a + "=double", "--csv", b + "=mixed", "--out", png);
        Assert.True(code == 0, err);
        Assert.True(new FileInfo(png).Length > 1000);
        string svg = File.ReadAllText(Path.ChangeExtension(png, ".svg"));
        Assert.Contains("double", svg);
        Assert.Contains("mixed", svg);
        var model = FractureLab.Experiments.Plots.CurvePlot.Build(
            [new(FractureLab.Experiments.Tables.CsvTable.Read(a), "a"), new(FractureLab.Experiments.Tables.CsvTable.Read(b), "b")], "strain", "stress_GPa");
        Assert.Equal([3, 2], model.Series.Cast<OxyPlot.Series.LineSeries>().Select(l => l.Points.Count)); // b's empty cell left out
        (code, err) = Run("plot", "--csv", a, "--y", "sigma", "--out", png);
        Assert.Equal(1, code);
        Assert.Contains("a.csv: no column 'sigma' (columns: strain, stress_GPa)", err);
    }
}

using FractureLab.Experiments;
using FractureLab.Experiments.Sepb;
using FractureLab.Experiments.Statistics;
using FractureLab.Experiments.Tables;

namespace FractureLab.Tests.Experiments;

/// <summary>Every validity rule triggered on a hand-made sheet; bad cells reported by line and column; statistics by hand.</summary>
public class SepbReducerTests
{
    private const string Header = "id,loading,B_mm,W_mm,S_mm,Si_mm,a1_mm,a2_mm,a3_mm,Pmax_N,curve,glass";

    private static SepbReduction Reduce(string rows, SepbValidityRules? rules = null, string folder = "/nonexistent")
    {
        var sheet = SpecimenSheet.FromTable(CsvTable.Parse(Header + "\n" + rows, Path.Combine(folder, "sheet.csv")));
        return SepbReducer.Reduce(sheet, rules);
    }

    private static SepbSpecimenResult One(string row, SepbValidityRules? rules = null) => Reduce(row, rules).Results.Single();

    [Fact]
    public void GoodSpecimen_IsValid_WithHandComputedK()
    {
        var r = One("A,3pt,3,4,16,,2,2,2,100,,g1");
        Assert.True(r.Valid);
        Assert.Equal(0.5, r.Alpha!.Value, 14);
        Assert.Equal(10.65, r.YStar!.Value, 12);
        Assert.Equal(5.61304284679887, r.KIcMPaSqrtM!.Value, 11);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void CrackLength_IsTheMeanOfTheReadings()
    {
        var r = One("A,3pt,3,4,16,,1.9,2.0,2.1,100,,g1");
        Assert.Equal(2.0, r.CrackLengthMm!.Value, 12);
        Assert.Equal(0.1, r.ReadingSpread!.Value, 12);
        Assert.True(r.Valid);
    }

    [Theory]
    [InlineData("A,3pt,3,4,16,,1.2,1.2,1.2,100,,g", "a/W = 0.3 is outside the valid range")]
    [InlineData("A,3pt,3,4,16,,2.6,2.6,2.6,100,,g", "a/W = 0.65 is outside the valid range")]
    [InlineData("A,3pt,3,4,16,,1.8,2.0,2.2,100,,g", "readings differ by 20.0 %")]
    [InlineData("A,3pt,3,4,16,,2,,2,100,,g", "reading a2_mm is missing")]
    [InlineData("A,3pt,-3,4,16,,2,2,2,100,,g", "B_mm = -3 is not positive")]
    [InlineData("A,3pt,3,0,16,,2,2,2,100,,g", "W_mm = 0 is not positive")]
    [InlineData("A,3pt,3,4,,,2,2,2,100,,g", "S_mm is missing")]
    [InlineData("A,4pt,3,4,40,,2,2,2,100,,g", "Si_mm is missing")]
    [InlineData("A,4pt,3,4,40,40,2,2,2,100,,g", "inner span Si_mm = 40 is not smaller")]
    [InlineData("A,3pt,3,4,16,,2,2,2,-5,,g", "Pmax_N = -5 is not positive")]
    [InlineData("A,3pt,3,4,16,,2,2,2,,,g", "neither Pmax_N nor a curve")]
    [InlineData("A,3pt,3,4,16,,2,2,2,,missing.csv,g", "curve 'missing.csv'")]
    public void EachRule_MakesTheSpecimenInvalid_WithItsReason(string row, string reason)
    {
        var r = One(row);
        Assert.False(r.Valid);
        Assert.Contains(r.Reasons, m => m.Contains(reason));
    }

    [Fact]
    public void AlphaBeyondTheFormula_HasNoK()
    {
        var r = One("A,3pt,3,4,16,,4.2,4.2,4.2,100,,g");
        Assert.False(r.Valid);
        Assert.Null(r.KIcMPaSqrtM);
        Assert.Contains(r.Reasons, m => m.Contains("outside the formula's range (0, 1)"));
    }

    [Fact]
    public void AlphaOutsideTheRule_StillReportsK()
    {
        var r = One("A,3pt,3,4,16,,1.2,1.2,1.2,100,,g");
        Assert.NotNull(r.KIcMPaSqrtM);
    }

    [Fact]
    public void SpanRatioOtherThanFour_IsFlagged_AndInvalidOnlyWhenStrict()
    {
        var loose = One("A,3pt,3,4,20,,2,2,2,100,,g");
        Assert.True(loose.Valid);
        Assert.Contains(loose.Warnings, w => w.Contains("S/W = 5 is outside the calibration"));
        var strict = One("A,3pt,3,4,20,,2,2,2,100,,g", new SepbValidityRules(SpanRatioInvalidates: true));
        Assert.False(strict.Valid);
    }

    [Fact]
    public void Rules_AreConfigurable()
    {
        Assert.True(One("A,3pt,3,4,16,,1.2,1.2,1.2,100,,g", new SepbValidityRules(AlphaMin: 0.25)).Valid);
        Assert.True(One("A,3pt,3,4,16,,1.8,2.0,2.2,100,,g", new SepbValidityRules(MaxReadingSpread: 0.25)).Valid);
    }

    [Fact]
    public void FewerThanFiveValid_MakesTheSetInsufficient_AndBadSpecimensDoNotStopTheRest()
    {
        var red = Reduce(string.Join("\n",
            "A,3pt,3,4,16,,2,2,2,100,,g", "B,3pt,3,4,16,,2,2,2,110,,g", "C,3pt,3,4,16,,2,2,2,90,,g",
            "D,3pt,3,4,16,,1.2,1.2,1.2,100,,g", "E,3pt,3,4,16,,2,2,2,,nofile.csv,g"));
        Assert.Equal(5, red.Results.Count);
        Assert.Equal(3, red.Overall.KIc.N);
        Assert.False(red.Overall.EnoughValid);
        Assert.Contains("fewer than the 5", red.Overall.Reason);
        // The valid three: K ∝ P, so the mean is K(100 N) and the sd K(100 N)·0.1.
        Assert.Equal(5.61304284679887, red.Overall.KIc.Mean, 10);
        Assert.Equal(0.561304284679887, red.Overall.KIc.Sd, 10);
    }

    [Fact]
    public void SampleSummary_MatchesHandValues()
    {
        // 1..5: mean 3, sd √2.5, t(0.975, 4) = 2.7764451051977987 (tables), half-width t·sd/√5.
        var s = SampleSummary.Of([1.0, 2.0, 3.0, 4.0, 5.0]);
        Assert.Equal(3.0, s.Mean, 14);
        Assert.Equal(Math.Sqrt(2.5), s.Sd, 14);
        Assert.Equal(2.7764451051977987 * Math.Sqrt(2.5) / Math.Sqrt(5), s.Ci95HalfWidth, 10);
    }

    [Theory]
    [InlineData("A,3pt,three,4,16,,2,2,2,100,,g", "line 2, column 'B_mm': 'three' is not a number")]
    [InlineData("A,5pt,3,4,16,,2,2,2,100,,g", "line 2, column 'loading': '5pt' is neither 3pt nor 4pt")]
    [InlineData(",3pt,3,4,16,,2,2,2,100,,g", "line 2, column 'id': empty specimen id")]
    [InlineData("A,3pt,3,4,16,,2,2,2,100,,g\nA,3pt,3,4,16,,2,2,2,100,,g", "line 3, column 'id': specimen 'A' appears twice")]
    public void UnparseableSheet_IsOneErrorNamingLineAndColumn(string rows, string message)
    {
        var e = Assert.Throws<LabDataException>(() => Reduce(rows));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void MissingColumn_IsNamed()
    {
        var e = Assert.Throws<LabDataException>(() =>
            SpecimenSheet.FromTable(CsvTable.Parse("id,loading,B_mm,W_mm,S_mm,a1_mm,a2_mm,Pmax_N\nA,3pt,3,4,16,2,2,100", "s.csv")));
        Assert.Contains("missing column 'a3_mm'", e.Message);
    }

    [Fact]
    public void ExtraColumns_PassThroughToResults()
    {
        var red = Reduce("A,3pt,3,4,16,,2,2,2,100,,38LiBP");
        var w = new StringWriter();
        SepbReport.WriteResultsCsv(red, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,loading,alpha,Y_star,Pmax_N,KIc_MPa_sqrt_m,valid,reasons,", lines[0]);
        Assert.EndsWith(",glass", lines[0].TrimEnd('\r'));
        Assert.EndsWith(",38LiBP", lines[1].TrimEnd('\r'));
    }

    [Fact]
    public void ExampleSet_ReducesSevenOfNine_AndCurvesGiveTheirPeaks()
    {
        var red = SepbReducer.Reduce(SpecimenSheet.Read(TestData.Example("sepb/sheet.csv")));
        Assert.Equal(9, red.Results.Count);
        Assert.Equal(7, red.Overall.KIc.N);
        Assert.True(red.Overall.EnoughValid);
        var byId = red.Results.ToDictionary(r => r.Specimen.Id);
        Assert.Equal("curve", byId["S2"].PmaxSource);
        Assert.False(byId["S7"].Valid);
        Assert.False(byId["S8"].Valid);
        Assert.Equal(FractureLab.Experiments.LoadCurves.FractureMode.Stable, byId["S9"].CurveAnalysis!.Fracture);
        Assert.Equal(FractureLab.Experiments.LoadCurves.FractureMode.Unstable, byId["S1"].CurveAnalysis!.Fracture);
    }
}

using System.Globalization;
using System.Text;
using FractureLab.Experiments;
using FractureLab.Experiments.LoadCurves;

namespace FractureLab.Tests.Experiments;

/// <summary>Load-displacement import in each layout and unit, P_max detection, the re-opening knee and the fracture mode.</summary>
public class LoadCurveTests
{
    [Fact]
    public void BluehillRaw_WithMetadataAndUnitsRow_IsParsed()
    {
        const string text = "\"Sample name : glass A\"\r\n\"Specimen : 3\"\r\n\r\n\"Time\",\"Extension\",\"Load\"\r\n\"(s)\",\"(mm)\",\"(N)\"\r\n" +
                            "\"0.0\",\"0.000\",\"0.10\"\r\n\"0.1\",\"0.010\",\"5.00\"\r\n\"0.2\",\"0.020\",\"10.00\"\r\n\"0.3\",\"0.021\",\"0.30\"\r\n";
        var c = LoadCurveReader.Parse(text, "Specimen_RawData_3.csv");
        Assert.Equal("Instron Bluehill raw CSV", c.Format);
        Assert.Equal(4, c.Count);
        Assert.Equal(10.0, c.LoadN[2], 12);
        Assert.Equal(0.02, c.DisplacementMm[2], 12);
        Assert.Equal(0.2, c.TimeS![2], 12);
    }

    [Fact]
    public void MtsTestSuite_InKilonewtons_IsConvertedToNewtons()
    {
        const string text = "MTS TestSuite,,\nTest Run Name:,run 1,\n\nTime,Crosshead,Force\nsec,mm,kN\n0,0,0.0001\n1,0.01,0.0075\n2,0.02,0.0152\n3,0.0201,0.0001\n";
        var c = LoadCurveReader.Parse(text, "mts.csv");
        Assert.Equal("MTS TestSuite CSV", c.Format);
        Assert.Equal(15.2, c.LoadN[2], 10);
        Assert.Equal("Force", c.LoadColumn);
    }

    [Fact]
    public void PlainCsv_WithKilonewtonInTheHeader_AndSemicolons_IsParsed()
    {
        const string text = "Displacement (mm);Load (kN)\n0;0\n0.01;0.004\n0.02;0.0125\n0.021;0\n";
        var c = LoadCurveReader.Parse(text, "plain.csv");
        Assert.Equal(12.5, c.LoadN[2], 10);
        Assert.Equal(0.02, c.DisplacementMm[2], 12);
    }

    [Fact]
    public void PoundsAndInches_AreConverted()
    {
        const string text = "deflection,load\nin,lbf\n0,0\n0.001,1\n0.002,2\n0.0021,0\n";
        var c = LoadCurveReader.Parse(text, "us.csv");
        Assert.Equal(2 * 4.4482216152605, c.LoadN[2], 12);
        Assert.Equal(0.0508, c.DisplacementMm[2], 12);
    }

    [Fact]
    public void MicrometresInTheHeader_AreConverted()
    {
        var c = LoadCurveReader.Parse("Force_N,Position_um\n0,0\n5,10\n9,20\n0,21\n", "um.csv");
        Assert.Equal(0.02, c.DisplacementMm[2], 12);
    }

    [Fact]
    public void LoadWithoutUnit_IsAnErrorNamingTheColumn()
    {
        var e = Assert.Throws<LabDataException>(() => LoadCurveReader.Parse("Displacement (mm),Load\n0,0\n1,2\n2,3\n", "nounit.csv"));
        Assert.Contains("nounit.csv", e.Message);
        Assert.Contains("column 'Load'", e.Message);
    }

    [Fact]
    public void NoLoadColumn_IsAnError()
    {
        var e = Assert.Throws<LabDataException>(() => LoadCurveReader.Parse("a,b\n1,2\n3,4\n", "x.csv"));
        Assert.Contains("no header row with a load or force column", e.Message);
    }

    /// <summary>A curve: stiff line to a knee at 6 N with a small dip, softer line to 15 N, unstable drop.</summary>
    private static LoadDisplacementCurve KneeCurve(bool dip)
    {
        var x = new List<double>();
        var p = new List<double>();
        double d = 0;
        for (; d <= 0.015 + 1e-12; d += 0.0005) { x.Add(d); p.Add(400 * d); }          // 0..6 N at 400 N/mm
        if (dip) { x.Add(d); p.Add(5.7); d += 0.0005; }                                  // re-opening dip
        double d0 = d;
        for (; 6 + 250 * (d - d0) <= 15; d += 0.0005) { x.Add(d); p.Add(6 + 250 * (d - d0)); } // 250 N/mm up to 15 N
        x.Add(d); p.Add(15.0);
        x.Add(d + 0.0005); p.Add(0.2);
        return new LoadDisplacementCurve("knee.csv", "test", "load", "disp", p.ToArray(), x.ToArray(), null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KneeBeforeThePeak_IsNotPmax_AndIsReported(bool dip)
    {
        var a = LoadCurveAnalysis.Analyze(KneeCurve(dip));
        Assert.Equal(15.0, a.PmaxN, 12);
        Assert.NotNull(a.Knee);
        Assert.InRange(a.Knee!.LoadN, 5.0, 7.0);
        Assert.Equal(400, a.Knee.StiffnessBeforeNPerMm, 0);
        Assert.Equal(FractureMode.Unstable, a.Fracture);
    }

    [Fact]
    public void StraightLine_HasNoKnee()
    {
        var x = Enumerable.Range(0, 100).Select(i => i * 0.001).Append(0.1).ToArray();
        var p = x.Take(100).Select(v => 300 * v).Append(0.1).ToArray();
        var a = LoadCurveAnalysis.Analyze(new LoadDisplacementCurve("line", "test", "l", "d", p, x, null));
        Assert.Null(a.Knee);
        Assert.Equal(29.7, a.PmaxN, 10);
    }

    [Fact]
    public void GradualDecline_IsStable_AndARecordWithoutDrop_IsNotRecorded()
    {
        var x = new List<double>();
        var p = new List<double>();
        for (int i = 0; i <= 50; i++) { x.Add(i * 0.001); p.Add(0.4 * i); }
        for (int i = 1; i <= 40; i++) { x.Add(0.05 + i * 0.001); p.Add(20 * (1 - i / 40.0)); }
        var stable = LoadCurveAnalysis.Analyze(new LoadDisplacementCurve("s", "test", "l", "d", p.ToArray(), x.ToArray(), null));
        Assert.Equal(FractureMode.Stable, stable.Fracture);
        Assert.Equal(20.0, stable.PmaxN, 12);

        var rising = LoadCurveAnalysis.Analyze(new LoadDisplacementCurve("r", "test", "l", "d", p.Take(51).ToArray(), x.Take(51).ToArray(), null));
        Assert.Equal(FractureMode.NotRecorded, rising.Fracture);
    }

    [Fact]
    public void LoadRiseAfterFracture_IsNotPmax()
    {
        // Break at 10 N, then the broken halves touch the fixture and the load climbs to 12 N.
        double[] x = [0, 0.01, 0.02, 0.03, 0.031, 0.05, 0.06, 0.07];
        double[] p = [0, 4, 8, 10, 0.2, 5, 12, 3];
        var a = LoadCurveAnalysis.Analyze(new LoadDisplacementCurve("f", "test", "l", "d", p, x, null));
        Assert.Equal(10.0, a.PmaxN, 12);
        Assert.Equal(3, a.PmaxIndex);
    }

    [Fact]
    public void ExampleCurves_InThreeLayouts_AllRead()
    {
        foreach (var f in new[] { "Specimen_RawData_1.csv", "S2_mts.csv", "S3_plain.csv", "S9_stable.csv" })
        {
            var c = LoadCurveReader.Read(TestData.Example(Path.Combine("sepb", "curves", f)));
            Assert.True(c.Count > 100, f);
            Assert.InRange(c.LoadN.Max(), 5.0, 30.0);
        }
    }
}

using System.Text.Json.Nodes;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Softness of mobile ions from their dynamics (issue 24.4).</summary>
[Collection("console")]
public class IonSoftnessTests
{
    [Fact]
    public void CumulativeNonAffineDisplacement_OfAHandMadeTrajectory()
    {
        // two Li: one moves 1 Å along x per frame, one stays; the drift ⟨Δr⟩ = 0.5 Å per frame is removed, so each
        // accumulates 0.5 Å per interval: 4 intervals of one frame → 2 Å; intervals of 2 frames (two of them) → 2 × 1 Å
        var frames = Enumerable.Range(0, 5).Select(f =>
        {
            var s = new AtomSystem(2, ["Li"], [6.94], new Box([0, 0, 0], [20, 20, 20]));
            s.Id[0] = 1; s.Id[1] = 2;
            s.X[0] = 5 + f; s.Y[0] = 5; s.Z[0] = 5;
            s.X[1] = 12; s.Y[1] = 12; s.Z[1] = 12;
            return new Snapshot($"f{f}", f * 100, s);
        }).ToList();
        var t = IonTrajectory.From(frames, "Li", timestepFs: 1.0);
        Assert.Equal([2.0, 2.0], DisplacementStatistics.CumulativeNonAffineDisplacement(t, 1));
        Assert.Equal([2.0, 2.0], DisplacementStatistics.CumulativeNonAffineDisplacement(t, 2));
    }

    /// <summary>
    /// 150 Li on a 6 Å grid: the 75 with an S neighbour 2.4 Å away wander (0.3 Å per frame), the others rattle (0.02 Å);
    /// c_pe is −1 eV for the first, −2 eV for the others (with noise). The softness learned from S features must split them
    /// and correlate with c_pe.
    /// </summary>
    private static string WriteRun(string dir)
    {
        var rng = new Random(4);
        int n = 150;
        var s = new AtomSystem(2 * n, ["Li", "S"], [6.94, 32.06], new Box([0, 0, 0], [36, 36, 36]));
        var soft = new bool[n];
        for (int k = 0; k < n; k++)
        {
            s.Id[k] = k + 1; s.Type[k] = 0;
            s.X[k] = 3 + 6 * (k % 6); s.Y[k] = 3 + 6 * (k / 6 % 6); s.Z[k] = 3 + 6 * (k / 36);
            soft[k] = k % 2 == 0;
            // the S of a hard Li sits far off (the cell's corner); that of a soft one 2.4 Å along x
            s.Id[n + k] = n + k + 1; s.Type[n + k] = 1;
            s.X[n + k] = s.X[k] + (soft[k] ? 2.4 : 2.9); s.Y[n + k] = s.Y[k] + (soft[k] ? 0 : 2.9); s.Z[n + k] = s.Z[k] + (soft[k] ? 0 : 2.9);
        }
        string path = Path.Combine(dir, "run.dump");
        using (var dump = new LammpsDumpWriter(path))
            for (int f = 0; f < 60; f++)
            {
                var pe = new double[2 * n];
                for (int k = 0; k < n; k++)
                {
                    pe[k] = (soft[k] ? -1 : -2) + 0.1 * (rng.NextDouble() - 0.5);
                    if (f == 0) continue;
                    double step = soft[k] ? 0.3 : 0.02;
                    s.X[k] += step * (rng.NextDouble() - 0.5) * 2; s.Y[k] += step * (rng.NextDouble() - 0.5) * 2; s.Z[k] += step * (rng.NextDouble() - 0.5) * 2;
                }
                dump.WriteFrame(s, f * 100, new Dictionary<string, double[]> { ["c_pe"] = pe });
            }
        return path;
    }

    [Fact]
    public void IonSoftness_FromDcum_SplitsWanderersFromRattlers_AndCorrelatesWithCpe()
    {
        string dir = Directory.CreateTempSubdirectory("ion-softness").FullName;
        string dump = WriteRun(dir);
        var (code, err) = CliRunner.Run("ion-softness", "--dump", dump, "--species", "Li", "--features", "S", "--mu-min", "2", "--mu-max", "5", "--interval-ps", "1",
            "--voronoi", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "o", "summary.json")))!;
        Assert.True((double)json["cv_accuracy"]! > 0.95, json.ToJsonString());
        Assert.InRange((int)json["soft"]!, 36, 39); // the upper quartile of 150
        Assert.True((double)json["pearson_softness_with"]!["pe_eV"]! > 0.8);
        Assert.True((double)json["pearson_softness_with"]!["label_measure"]! > 0.8);
        Assert.Contains("D_cum", (string)json["label"]!);
        var table = FractureLab.Experiments.Tables.CsvTable.Read(Path.Combine(dir, "o", "ion_softness.csv"));
        Assert.Equal(150, table.Rows.Count);
        Assert.True(table.Has("voronoi_volume_A3"));
        (code, err) = CliRunner.Run("ion-softness", "--dump", dump, "--species", "Li", "--labels", "jumps", "--out", Path.Combine(dir, "bad"));
        Assert.Equal(1, code);
        Assert.Contains("'jumps'", err);
    }
}

using FractureLab.Mechanics.Paths;

namespace FractureLab.Tests.Mechanics;

/// <summary>Nudged elastic band (issue 24.5) on the Müller-Brown surface, whose minima and saddles are known.</summary>
public class NebTests
{
    /// <summary>
    /// Müller &amp; Brown, Theor. Chim. Acta 53, 75 (1979): V = Σ A_k exp(a_k(x−x_k)² + b_k(x−x_k)(y−y_k) + c_k(y−y_k)²).
    /// Minima (−0.558, 1.442) at −146.70 and (0.623, 0.028) at −108.17, an intermediate one at (−0.050, 0.467), −80.77;
    /// saddles (−0.822, 0.624) at −40.66 and (0.212, 0.293) at −72.25 (the values tabulated since, e.g. by Bonfanti &amp;
    /// Kob, J. Chem. Phys. 147, 204104 (2017)).
    /// </summary>
    private sealed class MullerBrown : IPotentialSurface
    {
        private static readonly double[] A = [-200, -100, -170, 15], a = [-1, -1, -6.5, 0.7], b = [0, 0, 11, 0.6], c = [-10, -10, -6.5, 0.7], x0 = [1, 0, -0.5, -1], y0 = [0, 0.5, 1.5, 1];
        public int Dimension => 2;

        public double Evaluate(double[] p, double[] force)
        {
            double e = 0, gx = 0, gy = 0;
            for (int k = 0; k < 4; k++)
            {
                double dx = p[0] - x0[k], dy = p[1] - y0[k];
                double t = A[k] * Math.Exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
                e += t;
                gx += t * (2 * a[k] * dx + b[k] * dy);
                gy += t * (b[k] * dx + 2 * c[k] * dy);
            }
            force[0] = -gx; force[1] = -gy;
            return e;
        }

        public void Difference(double[] p, double[] q, double[] d) { d[0] = p[0] - q[0]; d[1] = p[1] - q[1]; }
    }

    [Fact]
    public void ClimbingImage_FindsTheSaddleBetweenTheDeepMinimumAndTheIntermediateOne()
    {
        var r = NudgedElasticBand.Run(new MullerBrown(), [-0.558224, 1.441726], [-0.050011, 0.466694],
            new NebSettings(Images: 11, SpringEvPerA2: 50, ForceTolerance: 1e-3, MaxIterations: 20000, MaxStepA: 0.01, TimeStep: 0.001, ClimbBelowForce: 20));
        Assert.True(r.Converged, $"not converged, max force {r.MaxForce}");
        var saddle = r.Images[r.ClimbingImage];
        Assert.Equal(-0.822, saddle[0], 2e-3);
        Assert.Equal(0.624, saddle[1], 2e-3);
        Assert.Equal(-40.665, r.EnergiesEv[r.ClimbingImage], 1e-2);
        Assert.Equal(-40.665 + 146.700, r.BarrierEv, 2e-2);
        Assert.Equal(-40.665 + 80.768, r.ReverseBarrierEv, 2e-2);
    }

    [Fact]
    public void ClimbingImage_FindsTheLowerSaddleBetweenTheOtherTwoMinima()
    {
        var r = NudgedElasticBand.Run(new MullerBrown(), [-0.050011, 0.466694], [0.623499, 0.028038],
            new NebSettings(Images: 9, SpringEvPerA2: 50, ForceTolerance: 1e-3, MaxIterations: 20000, MaxStepA: 0.01, TimeStep: 0.001, ClimbBelowForce: 20));
        Assert.True(r.Converged, $"not converged, max force {r.MaxForce}");
        var saddle = r.Images[r.ClimbingImage];
        Assert.Equal(0.212, saddle[0], 2e-3);
        Assert.Equal(0.293, saddle[1], 2e-3);
        Assert.Equal(-72.249, r.EnergiesEv[r.ClimbingImage], 1e-2);
    }

    [Fact]
    public void TooFewImages_AreRefused()
    {
        var e = Assert.Throws<FractureLab.Mechanics.InputException>(() => NudgedElasticBand.Run(new MullerBrown(), [0, 0], [1, 1], new NebSettings(Images: 2)));
        Assert.Contains("at least 3", e.Message);
    }
}

/// <summary>A Li vacancy hop in Li2O by <c>fracturelab neb</c> against LAMMPS's neb on the same end states.</summary>
[Collection("console")]
public class NebLammpsParityTests
{
    [Fact]
    public void LiVacancyHop_InLi2O_BarrierMatchesLammpsNeb()
    {
        // Tests/Parity/Lammps/neb_li2o: 323 atoms, du-teter Buckingham + DSF (α 0.25, 10 Å), 7 replicas, climbing image;
        // LAMMPS's EBF (forward barrier) is the 7th column of the last line of its log
        string dir = TestData.Parity("neb_li2o");
        var last = File.ReadLines(Path.Combine(dir, "lammps_neb_final.txt")).Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double lammpsBarrier = double.Parse(last[6], System.Globalization.CultureInfo.InvariantCulture);
        string outDir = Directory.CreateTempSubdirectory("neb").FullName;
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("neb", "--initial", Path.Combine(dir, "initial.data"), "--final", Path.Combine(dir, "final.data"), "--elements", "Li,O",
            "--forcefield", "du-teter", "--coulomb", "dsf", "--alpha", "0.25", "--coulomb-cutoff", "10", "--erfc", "exact", "--images", "7", "--ftol", "0.001", "--no-relax-ends", "--out", outDir);
        Assert.True(code == 0, err);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        double barrier = (double)json["barrier_eV"]!;
        Assert.Equal(lammpsBarrier, barrier, 2e-4); // measured: 0.164949 against 0.164980 eV
        Assert.Equal(3, (int)json["climbing_image"]!);
        Assert.Equal(7, Directory.GetFiles(Path.Combine(outDir, "images"), "*.data").Length);
    }
}

/// <summary><c>neb-hops</c> on a trajectory that shows one known hop: the Li2O vacancy hop of the parity case.</summary>
[Collection("console")]
public class NebHopsTests
{
    [Fact]
    public void OneHopInADump_GivesTheBarrierOfItsEndStates()
    {
        string dir = TestData.Parity("neb_li2o");
        var a = FractureLab.Mechanics.IO.LammpsDataReader.Read(Path.Combine(dir, "initial.data"), ["Li", "O"]);
        var b = FractureLab.Mechanics.IO.LammpsDataReader.Read(Path.Combine(dir, "final.data"), ["Li", "O"]);
        string work = Directory.CreateTempSubdirectory("neb-hops").FullName;
        string dump = Path.Combine(work, "run.dump");
        using (var w = new FractureLab.Mechanics.IO.LammpsDumpWriter(dump))
            for (int f = 0; f < 20; f++) w.WriteFrame(f < 10 ? a : b, f * 100); // 0.1 ps apart; the hop between frames 9 and 10
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("neb-hops", "--data", Path.Combine(dir, "initial.data"), "--elements", "Li,O", "--forcefield", "du-teter",
            "--coulomb", "dsf", "--alpha", "0.25", "--coulomb-cutoff", "10", "--erfc", "exact", "--dump", dump, "--species", "Li", "--hop-window-ps", "0.2",
            "--ftol", "0.005", "--out", Path.Combine(work, "o"));
        Assert.True(code == 0, err);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(work, "o", "summary.json")))!;
        Assert.Equal(1, (int)json["hops_found"]!);
        Assert.Equal(1, (int)json["hops_used"]!);
        Assert.Equal(0.16498, (double)json["all"]!["mean_barrier_eV"]!, 5e-3); // LAMMPS neb on these end states
    }
}

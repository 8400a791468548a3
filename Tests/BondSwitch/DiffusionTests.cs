using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Ion dynamics on synthetic trajectories with known answers.</summary>
public class DiffusionTests
{
    private const double Side = 20.0; // Å, periodic box of the synthetic trajectories

    /// <summary>Frames of a trajectory of unwrapped positions; stored wrapped with image flags, as our dumps are.</summary>
    private static List<Snapshot> Frames(double[][] unwrapped, double dtPs, bool imageFlags = true)
    {
        int n = unwrapped[0].Length / 3;
        var frames = new List<Snapshot>();
        for (int f = 0; f < unwrapped.Length; f++)
        {
            var s = new AtomSystem(n, ["Li"], [6.94], new Box([0, 0, 0], [Side, Side, Side]));
            for (int i = 0; i < n; i++)
                for (int a = 0; a < 3; a++)
                {
                    double x = unwrapped[f][3 * i + a];
                    int image = (int)Math.Floor(x / Side);
                    s.Positions(a)[i] = x - image * Side;
                    if (imageFlags) s.Images(a)[i] = image;
                }
            for (int i = 0; i < n; i++) s.Charge[i] = 1.0;
            frames.Add(new Snapshot($"f{f}", (long)Math.Round(f * dtPs * 1000), s));
        }
        return frames;
    }

    private static double[][] GaussianWalkers(int atoms, int frames, double dA2PerPs, double dtPs, int seed)
    {
        var rng = new Random(seed);
        double sigma = Math.Sqrt(2 * dA2PerPs * dtPs);
        var pos = new double[frames][];
        pos[0] = Enumerable.Range(0, 3 * atoms).Select(_ => rng.NextDouble() * Side).ToArray();
        for (int f = 1; f < frames; f++)
        {
            pos[f] = new double[3 * atoms];
            for (int c = 0; c < 3 * atoms; c++)
            {
                double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                pos[f][c] = pos[f - 1][c] + sigma * g;
            }
        }
        return pos;
    }

    [Fact]
    public void FftMsdEqualsTheDirectAverageOverOrigins()
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, 137).Select(_ => rng.NextDouble() * 10).ToArray();
        var fft = MeanSquaredDisplacement.OfSeries(x);
        for (int m = 0; m < x.Length; m++)
        {
            double direct = 0;
            for (int k = 0; k + m < x.Length; k++) direct += Math.Pow(x[k + m] - x[k], 2);
            Assert.Equal(direct / (x.Length - m), fft[m], 9);
        }
    }

    [Fact]
    public void GaussianWalkersGiveSixDtAndNoNonGaussianity()
    {
        const double d = 0.5, dt = 0.01;
        var t = IonTrajectory.From(Frames(GaussianWalkers(800, 1000, d, dt, 7), dt), "Li");
        var r = DiffusionAnalysis.Run(t, new DiffusionSettings(), "all");
        Assert.True(r.Tracer.Diffusive);
        Assert.InRange(r.Tracer.DA2PerPs, 0.95 * d, 1.05 * d);
        Assert.InRange(r.Tracer.LogLogSlope, 0.9, 1.1);
        Assert.All(r.Alpha2, a => Assert.InRange(a, -0.06, 0.06));
        Assert.Equal(d * 1e-4, r.Tracer.DCm2PerS, 5);
    }

    [Fact]
    public void LatticeHopperDiffusesAtRateTimesASquaredOverSixAndItsHopsAreCounted()
    {
        // Simple cubic lattice a = 2 Å; each ion hops to one of its 6 neighbours at total rate Γ = 2 / ps: D = Γa²/6.
        const double a = 2.0, gamma = 2.0, dt = 0.01;
        int atoms = 150, frames = 2000;
        var rng = new Random(3);
        var pos = new double[frames][];
        pos[0] = Enumerable.Range(0, 3 * atoms).Select(_ => a * rng.Next(10)).ToArray();
        for (int f = 1; f < frames; f++)
        {
            pos[f] = (double[])pos[f - 1].Clone();
            for (int i = 0; i < atoms; i++)
                if (rng.NextDouble() < gamma * dt)
                    pos[f][3 * i + rng.Next(3)] += rng.Next(2) == 0 ? a : -a;
        }
        var t = IonTrajectory.From(Frames(pos, dt), "Li");
        var r = DiffusionAnalysis.Run(t, new DiffusionSettings(), "all");
        Assert.InRange(r.Tracer.DA2PerPs, 0.92 * gamma * a * a / 6, 1.08 * gamma * a * a / 6);
        // Hops: a window of 2 frames still separates nearly all hops (mean spacing 50 frames).
        var (rate, length, fraction, _) = DisplacementStatistics.Hops(t, 1.5, 2);
        Assert.InRange(rate, 0.9 * gamma, 1.05 * gamma);
        Assert.InRange(length, 1.9, 2.05);
        Assert.Equal(1.0, fraction);
        // Lattice hopping is far from Gaussian at short times: α₂ large there, falling towards 0.
        Assert.True(r.Alpha2[0] > 1.0 && r.Alpha2[^1] < r.Alpha2[0] / 3);
    }

    [Fact]
    public void WrappedWithImagesWrappedWithoutAndUnwrappedAgree()
    {
        var walk = GaussianWalkers(20, 100, 2.0, 0.05, 11);
        var withImages = IonTrajectory.From(Frames(walk, 0.05), "Li");
        var continuity = IonTrajectory.From(Frames(walk, 0.05, imageFlags: false), "Li");
        for (int f = 0; f < walk.Length; f++)
            for (int c = 0; c < walk[f].Length; c++)
            {
                Assert.Equal(walk[f][c], withImages.Positions[f][c], 9);
                // without flags only displacements are defined: compare them
                Assert.Equal(walk[f][c] - walk[0][c], continuity.Positions[f][c] - continuity.Positions[0][c], 9);
            }
    }

    [Fact]
    public void ArrheniusFitRecoversExactData()
    {
        double ea = 0.42, d0 = 3e-3;
        double[] temps = [700, 900, 1100, 1300];
        var d = temps.Select(t => d0 * Math.Exp(-ea / (ArrheniusFit.BoltzmannEvPerK * t))).ToArray();
        var fit = ArrheniusFit.Fit(temps, d);
        Assert.Equal(ea, fit.ActivationEv, 10);
        Assert.Equal(d0, fit.PrefactorCm2PerS, 12);
        Assert.True(fit.ActivationSeEv < 1e-10);
        Assert.Equal(d0 * Math.Exp(-ea / (8.617333262e-5 * 300)), fit.DAt(300), 15);
        Assert.Throws<FractureLab.Mechanics.InputException>(() => ArrheniusFit.Fit([800, 800], [1e-5, 2e-5]));
    }

    [Fact]
    public void NernstEinsteinMatchesAHandCalculation()
    {
        // 100 ions in 1e4 Å³ (n = 1e28 m⁻³), q = e, D = 1e-5 cm²/s, T = 1000 K:
        // σ = 1e28 · (1.602176634e-19)² · 1e-9 / (1.380649e-23 · 1000) = 18.59249 S/m = 0.1859249 S/cm.
        Assert.Equal(0.1859249, NernstEinstein.ConductivitySPerCm(100, 1e4, 1.0, 1e-5, 1000), 6);
    }
}

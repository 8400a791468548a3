using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Tests.Mechanics;

/// <summary>Smooth particle-mesh Ewald against its definition: B-splines, and the exact Ewald sum it approximates.</summary>
public class MeshEwaldTests
{
    [Theory]
    [InlineData(4, 0.0)]
    [InlineData(5, 0.37)]
    [InlineData(6, 0.91)]
    public void BSplineWeightsAreThePiecewisePolynomialAndSumToOne(int order, double w)
    {
        var weights = new double[order];
        var slopes = new double[order];
        CardinalBSpline.Fill(w, order, new HostArray(weights), new HostArray(slopes));
        double sum = 0, slopeSum = 0;
        for (int j = 0; j < order; j++)
        {
            Assert.Equal(CardinalBSpline.Value(order, w + j), weights[j], 13);
            double h = 1e-6;
            double fd = (CardinalBSpline.Value(order, w + j + h) - CardinalBSpline.Value(order, w + j - h)) / (2 * h);
            if (w + j > h) Assert.Equal(fd, slopes[j], 8);
            sum += weights[j];
            slopeSum += slopes[j];
        }
        Assert.Equal(1.0, sum, 13);       // partition of unity
        Assert.Equal(0.0, slopeSum, 12);  // so a uniform shift moves no charge
    }

    /// <summary>Random ±1 charges in a box with three different edge lengths (so a mix-up of grid axes shows).</summary>
    internal static AtomSystem RandomIons(int pairs, double[] hi, int seed)
    {
        var rng = new Random(seed);
        var s = new AtomSystem(2 * pairs, ["Na", "Cl"], [22.99, 35.45], new Box([0, 0, 0], hi));
        for (int i = 0; i < s.Count; i++)
        {
            s.X[i] = rng.NextDouble() * hi[0]; s.Y[i] = rng.NextDouble() * hi[1]; s.Z[i] = rng.NextDouble() * hi[2];
            s.Type[i] = i % 2;
            s.Charge[i] = i % 2 == 0 ? 1.0 : -1.0;
        }
        return s;
    }

    private static (double Energy, double[] Virial, double[] F) Reciprocal(AtomSystem s, IReciprocalSpace k)
    {
        var c = s.Clone();
        var v = new double[6];
        double e = k.Compute(c, v);
        return (e, v, c.Fx.Concat(c.Fy).Concat(c.Fz).ToArray());
    }

    [Fact]
    public void FineMeshReproducesTheEwaldReciprocalSum()
    {
        var s = RandomIons(60, [14.0, 17.0, 21.0], 4);
        double alpha = 0.35;
        var exact = Reciprocal(s, new EwaldReciprocal(alpha, 1e-12));
        var mesh = Reciprocal(s, new MeshEwald(alpha, [48, 54, 72], 8));
        Assert.Equal(exact.Energy, mesh.Energy, 7);
        for (int a = 0; a < 6; a++) Assert.True(Math.Abs(exact.Virial[a] - mesh.Virial[a]) < 1e-6 * Math.Abs(exact.Virial[0]), $"virial {a}: {mesh.Virial[a]} vs {exact.Virial[a]}");
        double num = 0, den = 0;
        for (int k = 0; k < exact.F.Length; k++) { num += Math.Pow(exact.F[k] - mesh.F[k], 2); den += exact.F[k] * exact.F[k]; }
        Assert.True(Math.Sqrt(num / den) < 1e-6, $"relative RMS force difference {Math.Sqrt(num / den)}");
    }

    [Fact]
    public void ChosenGridMeetsTheRequestedAccuracyAgainstEwald()
    {
        var s = RandomIons(100, [18.0, 20.0, 23.0], 9);
        double alpha = 0.3;
        var exact = Reciprocal(s, new EwaldReciprocal(alpha, 1e-12));
        foreach (double acc in new[] { 1e-4, 1e-5 })
        {
            var choice = MeshEwaldTuning.Choose(s, alpha, acc, 5);
            var mesh = Reciprocal(s, new MeshEwald(alpha, choice.Grid, 5));
            double sum = 0;
            for (int i = 0; i < s.Count; i++)
                sum += Math.Pow(exact.F[i] - mesh.F[i], 2) + Math.Pow(exact.F[s.Count + i] - mesh.F[s.Count + i], 2) + Math.Pow(exact.F[2 * s.Count + i] - mesh.F[2 * s.Count + i], 2);
            double rms = Math.Sqrt(sum / s.Count);
            // LAMMPS's relative accuracy: rms force error / (k_e · 1 e² / 1 Å²).
            Assert.True(rms <= acc * 14.399645, $"accuracy {acc}: grid {string.Join('x', choice.Grid)}, rms {rms}");
        }
    }

    [Fact]
    public void ForcesAreMinusTheGradientOfTheMeshEnergy()
    {
        var s = RandomIons(40, [12.0, 13.0, 15.0], 2);
        var mesh = new MeshEwald(0.4, [20, 24, 25], 5);
        var f = Reciprocal(s, mesh).F;
        foreach (int i in new[] { 0, 7, 33, 79 })
        {
            double h = 1e-5, y0 = s.Y[i];
            s.Y[i] = y0 + h; double ep = Reciprocal(s, mesh).Energy;
            s.Y[i] = y0 - h; double em = Reciprocal(s, mesh).Energy;
            s.Y[i] = y0;
            Assert.Equal(-(ep - em) / (2 * h), f[s.Count + i], 6);
        }
    }

    [Theory]
    [InlineData(3, 20, 24, 25)]
    [InlineData(5, 20, 24, 25)]
    [InlineData(8, 16, 18, 16)] // the longest run a vector holds; K2 = 2n: runs wrap at both ends of the padded rows
    public void VectorRowsGiveTheScalarStencilsNumbers(int order, int k0, int k1, int k2)
    {
        // Where Vector512 runs (this machine and CI), the default path is the vector rows; else both are scalar.
        var s = RandomIons(50, [12.0, 13.0, 15.0], 9);
        // Atoms right at the box faces, where runs wrap.
        s.Z[0] = 0.0; s.Z[1] = 15.0 - 1e-9; s.X[2] = 12.0 - 1e-9; s.Y[3] = 0.0;
        var vector = Reciprocal(s, new MeshEwald(0.4, [k0, k1, k2], order));
        var scalar = Reciprocal(s, new MeshEwald(0.4, [k0, k1, k2], order, vectorRows: false));
        Assert.Equal(scalar.Energy, vector.Energy, 1e-12 * Math.Abs(scalar.Energy));
        for (int a = 0; a < 6; a++) Assert.Equal(scalar.Virial[a], vector.Virial[a], 1e-12 * Math.Abs(scalar.Energy));
        double fmax = scalar.F.Max(Math.Abs);
        for (int k = 0; k < scalar.F.Length; k++) Assert.Equal(scalar.F[k], vector.F[k], 1e-12 * fmax);
    }

    [Fact]
    public void AfterABoxChangeTheMeshGivesWhatAFreshMeshGives()
    {
        // The influence function is kept between evaluations while the box stays the same: a strained box must not reuse it.
        var s = RandomIons(40, [12.0, 13.0, 15.0], 6);
        var kept = new MeshEwald(0.4, [20, 24, 25], 5);
        Reciprocal(s, kept);
        var strained = s.Clone();
        strained.Box.Hi[2] = 15.3;
        for (int i = 0; i < strained.Count; i++) strained.Z[i] *= 15.3 / 15.0;
        var again = Reciprocal(strained, kept);
        var fresh = Reciprocal(strained, new MeshEwald(0.4, [20, 24, 25], 5));
        Assert.Equal(fresh.Energy, again.Energy);
        Assert.Equal(fresh.Virial, again.Virial);
        Assert.Equal(fresh.F, again.F);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(5, false)]
    public void EveryThreadCountGivesTheSameBits(int order, bool vectorRows)
    {
        // The mesh's loops run on the pair loop's team (issue 21); their splits are fixed or per item, so one, two and three
        // threads must give bit-identical energies, virials and forces (the MD trajectory must not depend on --threads).
        var s = RandomIons(70, [12.0, 13.0, 15.0], 11);
        (double Energy, double[] Virial, double[] F) On(int threads)
        {
            var c = s.Clone();
            var v = new double[6];
            double e = new MeshEwald(0.4, [20, 24, 25], order, vectorRows).Compute(c, v, withTotals: true, FractureLab.Mechanics.Numerics.WorkerTeam.Of(threads));
            return (e, v, c.Fx.Concat(c.Fy).Concat(c.Fz).ToArray());
        }
        var one = On(1);
        Assert.True(double.IsFinite(one.Energy) && one.Energy != 0);
        foreach (int t in new[] { 2, 3 })
        {
            var other = On(t);
            Assert.Equal(one.Energy, other.Energy);
            Assert.Equal(one.Virial, other.Virial);
            Assert.Equal(one.F, other.F);
        }
    }
}

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Every back end computes what Reference computes. Tolerance: relative 1e-12 on energies, virial and
/// forces (the vector kernels sum pairs in another order).
/// </summary>
public abstract class BackendParityTests
{
    protected abstract IPairBackend CreateBackend();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "silica192.data", "bks", "dsf" },
        { "silica192.data", "bks-wall", "wolf" },
        { "silica192.data", "bks", "ewald" },
        { "lisis144.data", "lisis", "ewald" },
        { "casio120.data", "pedone2006", "dsf" },
    };

    /// <summary>The Coulomb settings of the parity cases (also the mixed-precision cases).</summary>
    internal static CoulombSettings Settings(string coulomb) => coulomb switch
    {
        "dsf" => new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun),
        "wolf" => new CoulombSettings(CoulombMethod.Wolf, 0.25, 10.0, ErfcFlavor.Exact),
        _ => new CoulombSettings(CoulombMethod.Ewald, 0.0, 10.0, ErfcFlavor.Exact, 1e-6),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backend_MatchesReference(string data, string forceField, string coulomb)
    {
        var (s1, ff1) = TestData.Bind(data, forceField, Settings(coulomb));
        var (s2, ff2) = TestData.Bind(data, forceField, Settings(coulomb));
        AssertSameAsReference(s1, ff1, s2, ff2);
    }

    /// <summary>
    /// A 5 184-atom box (silica192 replicated 3×3×3, 42 Å) where the list's images are the nearest ones, so the
    /// vector kernel maps separations to the nearest image instead of reading shifts; as a slab too (z not periodic).
    /// </summary>
    [Theory]
    [InlineData("dsf", false)]
    [InlineData("ewald", false)]
    [InlineData("wolf", true)]
    public void Backend_MatchesReference_WhereImagesAreNearest(string coulomb, bool slab)
    {
        AtomSystem Replicated()
        {
            var s = Replication.Replicate(TestData.Silica192(), 3, 3, 3);
            if (slab) s.Box.Periodic[2] = false;
            return s;
        }
        var s1 = Replicated(); var s2 = Replicated();
        var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(s1));
        var reference = new ForceComputer(new CompiledForceField(ff, s1, null, Settings(coulomb)), new ReferenceBackend());
        Assert.True(reference.List.ImagesAreNearest(s1.Box));
        AssertSameAsReference(s1, reference.ForceField, s2, new CompiledForceField(ff, s2, null, Settings(coulomb)));
    }

    /// <summary>
    /// Cut-offs of 5 Å on the 42 Å box: the list's cells make six layers along z, so the force rows of most Simd blocks
    /// span only part of the slots (a span cut short loses forces).
    /// </summary>
    [Fact]
    public void Backend_MatchesReference_WithShortCutoffsOnALargeBox()
    {
        var s1 = Replication.Replicate(TestData.Silica192(), 3, 3, 3);
        var s2 = s1.Clone();
        var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(s1));
        var c = new CoulombSettings(CoulombMethod.Dsf, 0.4, 5.0, ErfcFlavor.AbramowitzStegun);
        AssertSameAsReference(s1, new CompiledForceField(ff, s1, 5.0, c), s2, new CompiledForceField(ff, s2, 5.0, c));
    }

    /// <summary>
    /// Du/Teter core-corrected Buckingham (du-teter, N4 = 1) on a randomly packed lithium borophosphate box with pairs as
    /// close as 1.0 Å, so some O-O pairs (r0 = 1.906 Å) sit inside their core and take the vector loop's scalar core lanes.
    /// </summary>
    [Fact]
    public void Backend_MatchesReference_WithCoreCorrectedBuckingham_InsideAndOutsideTheCores()
    {
        var (elements, _) = FractureLab.Mechanics.Builders.GlassComposition.Parse("Li2O = 38, B2O3 = 31, P2O5 = 31").Round(300);
        var s1 = FractureLab.Mechanics.Builders.RandomPacking.Build(elements, 2.46, 1.0, 7, [1, 1, 1]);
        var s2 = s1.Clone();
        var ff = ForceFieldCatalog.Resolve("du-teter", Composition.FromAtoms(s1), 1.0);
        int o = Array.IndexOf(s1.TypeElements, "O"), inCore = 0;
        for (int i = 0; i < s1.Count; i++)
            for (int j = i + 1; j < s1.Count; j++)
                if (s1.Type[i] == o && s1.Type[j] == o && TestData.Distance(s1, i, j) < 1.906) inCore++;
        Assert.True(inCore > 0, "no O-O pair inside the core radius: the test would not reach the core lanes");
        var c = Settings("dsf");
        AssertSameAsReference(s1, new CompiledForceField(ff, s1, null, c), s2, new CompiledForceField(ff, s2, null, c));
    }

    private void AssertSameAsReference(AtomSystem s1, CompiledForceField ff1, AtomSystem s2, CompiledForceField ff2)
    {
        var expected = new ForceComputer(ff1, new ReferenceBackend()).Compute(s1);
        var actual = new ForceComputer(ff2, CreateBackend()).Compute(s2);
        Assert.Equal(1.0, actual.PotentialEnergy / expected.PotentialEnergy, 12);
        double wmax = expected.Virial.Max(Math.Abs);
        for (int a = 0; a < 6; a++) Assert.True(Math.Abs(actual.Virial[a] - expected.Virial[a]) < 1e-12 * wmax, $"virial {a}");
        double fmax = s1.Fx.Concat(s1.Fy).Concat(s1.Fz).Max(Math.Abs);
        for (int i = 0; i < s1.Count; i++)
        {
            Assert.True(Math.Abs(s2.Fx[i] - s1.Fx[i]) < 1e-12 * fmax, $"fx {i}");
            Assert.True(Math.Abs(s2.Fy[i] - s1.Fy[i]) < 1e-12 * fmax, $"fy {i}");
            Assert.True(Math.Abs(s2.Fz[i] - s1.Fz[i]) < 1e-12 * fmax, $"fz {i}");
        }
    }
}

public class SimdOneThreadParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(1); }
public class SimdTwoThreadParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(2); }
public class SimdThreeThreadParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(3); }
public class SimdLaneByLaneCompactionParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(2, registerCompaction: false); }
/// <summary>The AVX2 width (four lanes), which machines without AVX-512 run; here it runs beside the eight-lane loop.</summary>
public class SimdVector256ParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(2, vectorBits: 256); }
public class SimdVector256LaneByLaneCompactionParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(2, registerCompaction: false, vectorBits: 256); }

/// <summary>Issue 21: the cluster-pair layout (Páll &amp; Hess) at both widths and on one thread: clusters of eight atoms with AVX-512, four with AVX2.</summary>
public class SimdClusterPairParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(2, layout: PairLayout.Clusters); }
public class SimdClusterPairOneThreadParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(1, layout: PairLayout.Clusters); }
public class SimdClusterPairVector256ParityTests : BackendParityTests { protected override IPairBackend CreateBackend() => new SimdBackend(3, vectorBits: 256, layout: PairLayout.Clusters); }

public class SimdThreadCountTests
{
    [Fact]
    public void ForcesEnergiesAndVirial_AreBitIdentical_OnOneTwoAndFiveThreads()
    {
        double[] Run(int threads)
        {
            var (s, ff) = TestData.Bind("silica192.data", "bks", new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun));
            var r = new ForceComputer(ff, new SimdBackend(threads)).Compute(s);
            return [.. s.Fx, .. s.Fy, .. s.Fz, r.PotentialEnergy, .. r.Virial];
        }
        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(5));
    }

    [Fact]
    public void RegisterAndLaneByLaneRowCompaction_GiveTheSameBits()
    {
        // register compaction is AVX-512's vcompresspd where the CPU has it, else AVX2's vpermd by the lane mask
        double[] Run(bool register, int bits)
        {
            var (s, ff) = TestData.Bind("lisis144.data", "lisis", new CoulombSettings(CoulombMethod.Wolf, 0.25, 10.0, ErfcFlavor.Exact));
            var r = new ForceComputer(ff, new SimdBackend(2, register, bits)).Compute(s);
            return [.. s.Fx, .. s.Fy, .. s.Fz, r.PotentialEnergy, .. r.Virial];
        }
        Assert.Equal(Run(true, 0), Run(false, 0));
        Assert.Equal(Run(true, 256), Run(false, 256));
    }

    [Fact]
    public void PairsWithinCutoff_CountsEveryPeriodicPairOnce()
    {
        // Independent count: every pair i < j over the periodic images within 10 Å, plus an atom's own images (once per pair).
        var (s, ff) = TestData.Bind("silica192.data", "bks", new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun));
        double rc2 = ff.MaxCutoff * ff.MaxCutoff;
        double[] len = [s.Box.Length(0), s.Box.Length(1), s.Box.Length(2)];
        int[] reach = [.. len.Select(l => (int)Math.Ceiling(ff.MaxCutoff / l))];
        long expected = 0;
        for (int i = 0; i < s.Count; i++)
        for (int j = i; j < s.Count; j++)
        for (int a = -reach[0]; a <= reach[0]; a++)
        for (int b = -reach[1]; b <= reach[1]; b++)
        for (int c = -reach[2]; c <= reach[2]; c++)
        {
            if (i == j && (a, b, c) == (0, 0, 0)) continue;
            double dx = s.X[j] - s.X[i] + a * len[0], dy = s.Y[j] - s.Y[i] + b * len[1], dz = s.Z[j] - s.Z[i] + c * len[2];
            if (dx * dx + dy * dy + dz * dz < rc2) expected += i == j ? 1 : 2;   // i == j: each image pair seen twice (±n)
        }
        var simd = new SimdBackend(2);
        new ForceComputer(ff, simd).Compute(s);
        Assert.Equal(expected / 2, simd.LastPairsWithinCutoff);
    }
}

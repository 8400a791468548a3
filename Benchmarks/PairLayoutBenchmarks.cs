using BenchmarkDotNet.Attributes;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Benchmarks;

/// <summary>
/// Issue 21: the Simd pair loop's two layouts side by side, rows of the atom list (compacted) against the cluster-pair list
/// (Páll &amp; Hess 2013), at both vector widths: one forces-only evaluation (an MD step's
/// pair loop, the list already built) of the shipped 1 800-atom BKS glass replicated 2×4×2 (28 800 atoms; Buckingham
/// 10 Å + DSF 0.2/10 Å, the compare-lammps settings, skin 2 Å).
/// Run: dotnet run --project Benchmarks -c Release -- --filter '*PairLayout*'
/// </summary>
public class PairLayoutBenchmarks
{
    private AtomSystem _system = null!;
    private ForceComputer _computer = null!;

    /// <summary>Layout and precision: rows in double and mixed, clusters in double (the layout SimdBackend runs in double only).</summary>
    [Params("rows double", "rows mixed", "clusters double")]
    public string Kernel { get; set; } = "rows double";

    [Params(256, 512)]
    public int Bits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Bits == 512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) throw new NotSupportedException("Vector512 is not hardware accelerated here");
        _system = Replication.Replicate(ShippedStructures.Read("silica1800"), 2, 4, 2);
        var coulomb = new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun);
        var ff = new CompiledForceField(ForceFieldCatalog.Resolve("bks"), _system, 10.0, coulomb);
        var (layout, precision) = (PairLayouts.Parse(Kernel.Split(' ')[0]), PairPrecisions.Parse(Kernel.Split(' ')[1]));
        _computer = new ForceComputer(ff, new SimdBackend(Environment.ProcessorCount, vectorBits: Bits, precision: precision, layout: layout));
        _computer.Compute(_system);
    }

    [Benchmark]
    public double ForcesOnly()
    {
        _computer.Compute(_system, totals: false);
        return _system.Fx[0] + _system.Fy[^1];
    }
}

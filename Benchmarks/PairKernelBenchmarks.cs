using BenchmarkDotNet.Attributes;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Benchmarks;

/// <summary>
/// Force evaluation of the shipped 576-atom BKS silica glass (Buckingham 10 Å + DSF 0.2/10 Å) per back
/// end, and the neighbor-list build. Run: dotnet run --project Benchmarks -c Release -- --filter '*'
/// </summary>
[MemoryDiagnoser]
public class PairKernelBenchmarks
{
    private AtomSystem _system = null!;
    private ForceComputer _reference = null!, _simd = null!, _simd256 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ShippedStructures.Read("silica576");
        var ff = new CompiledForceField(ForceFieldCatalog.Resolve("bks-wall"), _system);
        _reference = new ForceComputer(ff, new ReferenceBackend());
        _simd = new ForceComputer(ff, new SimdBackend(Environment.ProcessorCount));
        _simd256 = new ForceComputer(ff, new SimdBackend(Environment.ProcessorCount, vectorBits: 256));
        _reference.Compute(_system);
        _simd.Compute(_system);
        _simd256.Compute(_system);
    }

    [Benchmark(Baseline = true)]
    public double Reference() => _reference.Compute(_system).PotentialEnergy;

    /// <summary>The widest vectors this CPU runs natively (Vector512 with AVX-512).</summary>
    [Benchmark]
    public double Simd() => _simd.Compute(_system).PotentialEnergy;

    /// <summary>The same loop at 256 bits, as machines without AVX-512 run it.</summary>
    [Benchmark]
    public double Simd256() => _simd256.Compute(_system).PotentialEnergy;

    [Benchmark]
    public int NeighborBuild()
    {
        _simd.List.Build(_system);
        return _simd.List.PairCount;
    }
}

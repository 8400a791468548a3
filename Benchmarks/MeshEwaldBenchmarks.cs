using BenchmarkDotNet.Attributes;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.IO;

namespace FractureLab.Benchmarks;

/// <summary>
/// One mesh Ewald evaluation (B-spline weights, spreading, forward FFT, influence function with energy and virial,
/// inverse FFT, force interpolation) on the shipped 3 600-atom BKS silica glass at the grid and order the tuner picks
/// for pppm 1e-5 there (α 0.3285 1/Å, 36³, order 6), and at order 5 on 48³ for comparison.
/// Run: dotnet run --project Benchmarks -c Release -- --filter '*MeshEwaldBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class MeshEwaldBenchmarks
{
    [Params("36x6", "48x5")]
    public string GridAndOrder = "36x6";

    private AtomSystem _system = null!;
    private MeshEwald _mesh = null!;
    private readonly double[] _virial = new double[6];

    [GlobalSetup]
    public void Setup()
    {
        _system = ShippedStructures.Read("silica3600");
        var parts = GridAndOrder.Split('x');
        int k = int.Parse(parts[0]), order = int.Parse(parts[1]);
        _mesh = new MeshEwald(0.3285, [k, k, k], order);
        _mesh.Compute(_system, _virial);
    }

    [Benchmark]
    public double Evaluate() => _mesh.Compute(_system, _virial);
}

using System.Numerics;
using BenchmarkDotNet.Attributes;
using FractureLab.Mechanics.Coulomb;
using MathNet.Numerics.IntegralTransforms;

namespace FractureLab.Benchmarks;

/// <summary>
/// One forward and one inverse 3D FFT of a mesh Ewald grid: ours (<see cref="Fft3D"/>: mixed radix, four lines per
/// Vector256; radix 4, 2, 3 butterflies) against MathNet.Numerics' managed 1D FFT along each axis (what MeshEwald used before), lines in
/// parallel in both; and ours from a real grid to its half spectrum and back (<see cref="Fft3D.ForwardReal"/>, what
/// MeshEwald runs: the charge grid is real). 32³ is the 1e-5 grid of 3 600 silica atoms, 48³ not a power of two
/// (MathNet goes to Bluestein).
/// Run: dotnet run --project Benchmarks -c Release -- --filter '*FftBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    [Params(32, 48, 64)]
    public int K;

    private Complex[] _grid = [];
    private Fft3D _ours = null!;
    private double[] _real = [];
    private Complex[] _half = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _grid = [.. Enumerable.Range(0, K * K * K).Select(_ => new Complex(rng.NextDouble(), 0))];
        _ours = new Fft3D([K, K, K]);
        _real = [.. _grid.Select(z => z.Real)];
        _half = new Complex[_ours.HalfSpectrumLength];
    }

    [Benchmark]
    public double OursRealToComplex()
    {
        _ours.ForwardReal(_real, _half);
        _ours.InverseReal(_half, _real);
        return _real[1];
    }

    [Benchmark]
    public Complex Ours()
    {
        _ours.Forward(_grid);
        _ours.Inverse(_grid);
        return _grid[1];
    }

    [Benchmark(Baseline = true)]
    public Complex MathNet()
    {
        MathNetAxes(_grid, K, inverse: false);
        MathNetAxes(_grid, K, inverse: true);
        return _grid[1];
    }

    private static void MathNetAxes(Complex[] g, int k, bool inverse)
    {
        foreach (int stride in new[] { 1, k, k * k })
        {
            Parallel.For(0, k * k, () => new Complex[k], (l, _, line) =>
            {
                // line l of this axis: the two other indices from l
                int o = stride == 1 ? l * k : stride == k ? l / k * k * k + l % k : l;
                for (int j = 0; j < k; j++) line[j] = g[o + j * stride];
                if (inverse) Fourier.Inverse(line, FourierOptions.NoScaling); else Fourier.Forward(line, FourierOptions.NoScaling);
                for (int j = 0; j < k; j++) g[o + j * stride] = line[j];
                return line;
            }, _ => { });
        }
    }
}

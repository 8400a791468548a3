using System.Numerics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Unnormalized 3D discrete Fourier transform of a row-major K0×K1×K2 complex grid (last index fastest), as 1D
/// transforms along each axis with <see cref="LineFft"/> (our own mixed-radix FFT, four lines per Vector256; any grid
/// size). Forward uses e^{−2πi m·k/K}, inverse e^{+2πi m·k/K}, neither divides by the size. Measured against
/// MathNet.Numerics' managed FFT, which it replaced (README, mesh Ewald section; Benchmarks/FftBenchmarks.cs).
/// </summary>
public sealed class Fft3D
{
    private readonly int[] _k;
    private readonly LineFft[] _line;

    public Fft3D(int[] k)
    {
        if (k.Length != 3 || k.Any(n => n < 1)) throw new ArgumentException("a 3D FFT needs three positive sizes");
        _k = (int[])k.Clone();
        _line = [.. _k.Select(n => new LineFft(n))];
    }

    public void Forward(Complex[] grid) => Transform(grid, inverse: false);
    public void Inverse(Complex[] grid) => Transform(grid, inverse: true);

    private void Transform(Complex[] grid, bool inverse)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2];
        if (grid.Length != k0 * k1 * k2) throw new ArgumentException($"grid holds {grid.Length} points, expected {k0 * k1 * k2}");
        // Axis 2: contiguous lines, one per (a, b).
        Lines(grid, _line[2], k0 * k1, 1, l => l * k2, inverse);
        // Axis 1: stride k2, one line per (a, c); consecutive lines are neighbours in memory.
        Lines(grid, _line[1], k0 * k2, k2, l => l / k2 * k1 * k2 + l % k2, inverse);
        // Axis 0: stride k1·k2, one line per (b, c).
        Lines(grid, _line[0], k1 * k2, k1 * k2, l => l, inverse);
    }

    /// <summary>
    /// The lines of one axis, four at a time (the last group repeats its last line), groups in parallel: each group is
    /// independent, so the result does not depend on the thread count.
    /// </summary>
    private static void Lines(Complex[] grid, LineFft fft, int count, int stride, Func<int, int> start, bool inverse)
    {
        int n = fft.Length, groups = (count + 3) / 4;
        Parallel.For(0, groups, () => new double[4][] { new double[4 * n], new double[4 * n], new double[4 * n], new double[4 * n] }, (g, _, buf) =>
        {
            double[] re = buf[0], im = buf[1];
            Span<int> origin = stackalloc int[4];
            for (int lane = 0; lane < 4; lane++) origin[lane] = start(Math.Min(4 * g + lane, count - 1));
            for (int j = 0; j < n; j++)
            for (int lane = 0; lane < 4; lane++)
            {
                var z = grid[origin[lane] + j * stride];
                re[4 * j + lane] = z.Real;
                im[4 * j + lane] = z.Imaginary;
            }
            fft.Transform(re, im, buf[2], buf[3], inverse);
            int lanes = Math.Min(4, count - 4 * g);
            for (int j = 0; j < n; j++)
            for (int lane = 0; lane < lanes; lane++)
                grid[origin[lane] + j * stride] = new Complex(re[4 * j + lane], im[4 * j + lane]);
            return buf;
        }, _ => { });
    }
}

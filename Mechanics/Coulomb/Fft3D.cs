using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Unnormalized 3D discrete Fourier transform of a row-major K0×K1×K2 complex grid (last index fastest), as 1D
/// transforms along each axis with MathNet.Numerics' managed FFT (its managed provider has no multi-dimensional
/// transform). Forward uses e^{−2πi m·k/K}, inverse e^{+2πi m·k/K}, neither divides by the size.
/// </summary>
public sealed class Fft3D
{
    private readonly int[] _k;

    public Fft3D(int[] k)
    {
        _k = (int[])k.Clone();
    }

    public void Forward(Complex[] grid) => Transform(grid, inverse: false);
    public void Inverse(Complex[] grid) => Transform(grid, inverse: true);

    private void Transform(Complex[] grid, bool inverse)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2];
        // Axis 2: contiguous lines.
        Lines(grid, k0 * k1, k2, 1, l => l * k2, inverse);
        // Axis 1: stride k2, one line per (a, c).
        Lines(grid, k0 * k2, k1, k2, l => l / k2 * k1 * k2 + l % k2, inverse);
        // Axis 0: stride k1·k2, one line per (b, c).
        Lines(grid, k1 * k2, k0, k1 * k2, l => l, inverse);
    }

    /// <summary>The lines of one axis, in parallel: each line is independent, so the result does not depend on the thread count.</summary>
    private static void Lines(Complex[] grid, int count, int length, int stride, Func<int, int> start, bool inverse)
    {
        Parallel.For(0, count, () => new Complex[length], (l, _, buffer) =>
        {
            int o = start(l);
            for (int j = 0; j < length; j++) buffer[j] = grid[o + j * stride];
            if (inverse) Fourier.Inverse(buffer, FourierOptions.NoScaling);
            else Fourier.Forward(buffer, FourierOptions.NoScaling);
            for (int j = 0; j < length; j++) grid[o + j * stride] = buffer[j];
            return buffer;
        }, _ => { });
    }
}

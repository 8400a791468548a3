using System.Numerics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Unnormalized 3D discrete Fourier transform of a row-major K0×K1×K2 complex grid (last index fastest), as 1D
/// transforms along each axis with <see cref="LineFft"/> (our own mixed-radix FFT, four lines per Vector256; any grid
/// size). Forward uses e^{−2πi m·k/K}, inverse e^{+2πi m·k/K}, neither divides by the size. Measured against
/// MathNet.Numerics' managed FFT, which it replaced (README, mesh Ewald section; Benchmarks/FftBenchmarks.cs).
/// A real grid (the mesh Ewald charges and potential) has the half spectrum K0×K1×H, H = ⌊K2/2⌋ + 1, the rest following
/// from F(−m) = conj F(m): <see cref="ForwardReal"/> and <see cref="InverseReal"/> transform two real rows as one complex
/// line along z (Numerical Recipes §12.3, "FFT of real functions": Z = a + ib, A_c = (Z_c + conj Z_{K−c})/2,
/// B_c = (Z_c − conj Z_{K−c})/2i) and then only the H half-spectrum columns along y and x: about half the work of the
/// complex transform.
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

    /// <summary>Points of the half spectrum of a real grid: K0·K1·(⌊K2/2⌋ + 1).</summary>
    public int HalfSpectrumLength => _k[0] * _k[1] * (_k[2] / 2 + 1);

    /// <summary>
    /// Forward transform of the real grid <paramref name="real"/> (K0×K1×K2) into its half spectrum <paramref name="half"/>
    /// (K0×K1×H, c = 0 … ⌊K2/2⌋ along z).
    /// </summary>
    /// <param name="team">The threads the line groups run on (null: one per core).</param>
    public void ForwardReal(double[] real, Complex[] half, WorkerTeam? team = null)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2], h = k2 / 2 + 1;
        team ??= WorkerTeam.PerCore;
        CheckReal(real, half);
        RealRows(real, half, inverse: false, team);
        Lines(half, _line[1], k0 * h, h, l => l / h * k1 * h + l % h, inverse: false, team);
        Lines(half, _line[0], k1 * h, k1 * h, l => l, inverse: false, team);
    }

    /// <summary>
    /// Inverse transform of a half spectrum (as <see cref="ForwardReal"/> gives, changed by real factors that keep its
    /// symmetry) into the real grid; unnormalized, so InverseReal(ForwardReal(x)) = K0·K1·K2·x. Overwrites <paramref name="half"/>.
    /// </summary>
    public void InverseReal(Complex[] half, double[] real, WorkerTeam? team = null)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2], h = k2 / 2 + 1;
        team ??= WorkerTeam.PerCore;
        CheckReal(real, half);
        Lines(half, _line[0], k1 * h, k1 * h, l => l, inverse: true, team);
        Lines(half, _line[1], k0 * h, h, l => l / h * k1 * h + l % h, inverse: true, team);
        RealRows(real, half, inverse: true, team);
    }

    /// <summary>Each thread's four work lines (re, im and two scratch, 4 lanes × the longest line so far): a thread runs one group at a time.</summary>
    [ThreadStatic] private static double[][]? t_lines;

    private static double[][] LineBuffers(int n)
    {
        var b = t_lines;
        if (b is null || b[0].Length < 4 * n) t_lines = b = [new double[4 * n], new double[4 * n], new double[4 * n], new double[4 * n]];
        return b;
    }

    private void CheckReal(double[] real, Complex[] half)
    {
        if (real.Length != _k[0] * _k[1] * _k[2]) throw new ArgumentException($"real grid holds {real.Length} points, expected {_k[0] * _k[1] * _k[2]}");
        if (half.Length != HalfSpectrumLength) throw new ArgumentException($"half spectrum holds {half.Length} points, expected {HalfSpectrumLength}");
    }

    /// <summary>
    /// The z transforms of the real rows, two rows (a, b) per complex line Z = a + ib and four lines per vector (an odd
    /// last row pairs with zeros; the last group repeats its last pair). Forward: A_c = (Z_c + conj Z_{K−c})/2 and
    /// B_c = (Z_c − conj Z_{K−c})/2i for c &lt; H. Inverse: Z_c = A_c + iB_c with A_c = conj A_{K−c} above H, and a, b the
    /// real and imaginary parts of the inverse transform. Pairs in parallel: independent, so any thread count gives the same.
    /// </summary>
    private void RealRows(double[] real, Complex[] half, bool inverse, WorkerTeam team)
    {
        var fft = _line[2];
        int n = fft.Length, h = n / 2 + 1, rows = _k[0] * _k[1], pairs = (rows + 1) / 2, groups = (pairs + 3) / 4;
        team.ForEachInRanges(groups, Group);
        void Group(int g)
        {
            var buf = LineBuffers(n);
            double[] re = buf[0], im = buf[1];
            Span<int> rowA = stackalloc int[4];
            for (int lane = 0; lane < 4; lane++) rowA[lane] = 2 * Math.Min(4 * g + lane, pairs - 1);
            int lanes = Math.Min(4, pairs - 4 * g);
            for (int lane = 0; lane < 4; lane++)
            {
                int a = rowA[lane];
                bool hasB = a + 1 < rows;
                if (!inverse)
                {
                    for (int j = 0; j < n; j++)
                    {
                        re[4 * j + lane] = real[a * n + j];
                        im[4 * j + lane] = hasB ? real[(a + 1) * n + j] : 0.0;
                    }
                    continue;
                }
                for (int c = 0; c < n; c++)
                {
                    bool low = c < h;
                    int src = low ? c : n - c;
                    var za = half[a * h + src];
                    var zb = hasB ? half[(a + 1) * h + src] : Complex.Zero;
                    if (!low) { za = Complex.Conjugate(za); zb = Complex.Conjugate(zb); }
                    re[4 * c + lane] = za.Real - zb.Imaginary;
                    im[4 * c + lane] = za.Imaginary + zb.Real;
                }
            }
            fft.Transform(re, im, buf[2], buf[3], inverse);
            for (int lane = 0; lane < lanes; lane++)
            {
                int a = rowA[lane];
                bool hasB = a + 1 < rows;
                if (inverse)
                {
                    for (int j = 0; j < n; j++)
                    {
                        real[a * n + j] = re[4 * j + lane];
                        if (hasB) real[(a + 1) * n + j] = im[4 * j + lane];
                    }
                    continue;
                }
                for (int c = 0; c < h; c++)
                {
                    int m = c == 0 ? 0 : n - c;
                    double zr = re[4 * c + lane], zi = im[4 * c + lane], wr = re[4 * m + lane], wi = im[4 * m + lane];
                    half[a * h + c] = new Complex(0.5 * (zr + wr), 0.5 * (zi - wi));
                    if (hasB) half[(a + 1) * h + c] = new Complex(0.5 * (zi + wi), -0.5 * (zr - wr));
                }
            }
        }
    }

    public void Forward(Complex[] grid, WorkerTeam? team = null) => Transform(grid, inverse: false, team ?? WorkerTeam.PerCore);
    public void Inverse(Complex[] grid, WorkerTeam? team = null) => Transform(grid, inverse: true, team ?? WorkerTeam.PerCore);

    private void Transform(Complex[] grid, bool inverse, WorkerTeam team)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2];
        if (grid.Length != k0 * k1 * k2) throw new ArgumentException($"grid holds {grid.Length} points, expected {k0 * k1 * k2}");
        // Axis 2: contiguous lines, one per (a, b).
        Lines(grid, _line[2], k0 * k1, 1, l => l * k2, inverse, team);
        // Axis 1: stride k2, one line per (a, c); consecutive lines are neighbours in memory.
        Lines(grid, _line[1], k0 * k2, k2, l => l / k2 * k1 * k2 + l % k2, inverse, team);
        // Axis 0: stride k1·k2, one line per (b, c).
        Lines(grid, _line[0], k1 * k2, k1 * k2, l => l, inverse, team);
    }

    /// <summary>
    /// The lines of one axis, four at a time (the last group repeats its last line), groups in parallel: each group is
    /// independent, so the result does not depend on the thread count.
    /// </summary>
    private static void Lines(Complex[] grid, LineFft fft, int count, int stride, Func<int, int> start, bool inverse, WorkerTeam team)
    {
        int n = fft.Length, groups = (count + 3) / 4;
        team.ForEachInRanges(groups, Group);
        void Group(int g)
        {
            var buf = LineBuffers(n);
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
        }
    }
}

using System.Numerics;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace FractureLab.Tests.Mechanics;

/// <summary>Our FFT against the defining sum (and, in 3D, against MathNet.Numerics' independent FFT).</summary>
public class FftTests
{
    /// <summary>The DFT by its definition, X_k = Σ_j x_j e^{∓2πi jk/N}, angles reduced exactly (jk mod N).</summary>
    private static Complex[] Dft(Complex[] x, bool inverse)
    {
        int n = x.Length;
        var y = new Complex[n];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < n; k++)
        {
            Complex sum = 0;
            for (int j = 0; j < n; j++)
            {
                double angle = 2 * Math.PI * ((long)j * k % n) / n;
                sum += x[j] * new Complex(Math.Cos(angle), sign * Math.Sin(angle));
            }
            y[k] = sum;
        }
        return y;
    }

    private static Complex[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))];
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(7)] [InlineData(8)]
    [InlineData(12)] [InlineData(16)] [InlineData(30)] [InlineData(36)] [InlineData(49)] [InlineData(64)] [InlineData(90)] [InlineData(128)]
    public void FourLines_MatchTheDefiningSum_ForwardAndInverse(int n)
    {
        var fft = new LineFft(n);
        foreach (bool inverse in new[] { false, true })
        {
            var lines = Enumerable.Range(0, 4).Select(l => Random(n, 10 * n + l)).ToArray();
            double[] re = new double[4 * n], im = new double[4 * n], wr = new double[4 * n], wi = new double[4 * n];
            for (int j = 0; j < n; j++)
            for (int l = 0; l < 4; l++) { re[4 * j + l] = lines[l][j].Real; im[4 * j + l] = lines[l][j].Imaginary; }
            fft.Transform(re, im, wr, wi, inverse);
            for (int l = 0; l < 4; l++)
            {
                var expected = Dft(lines[l], inverse);
                for (int k = 0; k < n; k++)
                {
                    double err = (new Complex(re[4 * k + l], im[4 * k + l]) - expected[k]).Magnitude;
                    Assert.True(err < 1e-13 * Math.Sqrt(n) * 4, $"N {n}, lane {l}, k {k}: error {err}");
                }
            }
        }
    }

    [Theory]
    [InlineData(4, 6, 5)]
    [InlineData(8, 3, 7)]
    public void Grid3D_MatchesTheDefiningSum(int k0, int k1, int k2)
    {
        var x = Random(k0 * k1 * k2, 3);
        var y = (Complex[])x.Clone();
        new Fft3D([k0, k1, k2]).Forward(y);
        for (int a = 0; a < k0; a++)
        for (int b = 0; b < k1; b++)
        for (int c = 0; c < k2; c++)
            Assert.True((y[(a * k1 + b) * k2 + c] - DefiningSum(x, k0, k1, k2, a, b, c)).Magnitude < 1e-12, $"({a},{b},{c})");
    }

    /// <summary>Σ_ijk x_ijk e^{−2πi(ai/K0 + bj/K1 + ck/K2)}: the forward DFT at (a, b, c) by its definition.</summary>
    private static Complex DefiningSum(Complex[] x, int k0, int k1, int k2, int a, int b, int c)
    {
        Complex sum = 0;
        for (int i = 0; i < k0; i++)
        for (int j = 0; j < k1; j++)
        for (int k = 0; k < k2; k++)
        {
            double phase = -2 * Math.PI * ((double)(a * i % k0) / k0 + (double)(b * j % k1) / k1 + (double)(c * k % k2) / k2);
            sum += x[(i * k1 + j) * k2 + k] * new Complex(Math.Cos(phase), Math.Sin(phase));
        }
        return sum;
    }

    [Fact]
    public void Grid3D_MatchesMathNet_AndInverseRestoresTimesSize()
    {
        int[] k = [16, 24, 20];
        int size = k[0] * k[1] * k[2];
        var x = Random(size, 5);
        var ours = (Complex[])x.Clone();
        new Fft3D(k).Forward(ours);
        // MathNet's own multi-dimensional transform (row-major, last index fastest) as the independent value
        var reference = (Complex[])x.Clone();
        ForwardMathNet3D(reference, k);
        double max = reference.Max(c => c.Magnitude);
        for (int i = 0; i < size; i++) Assert.True((ours[i] - reference[i]).Magnitude < 1e-13 * max, $"point {i}");
        new Fft3D(k).Inverse(ours);
        for (int i = 0; i < size; i++) Assert.True((ours[i] / size - x[i]).Magnitude < 1e-14, $"round trip {i}");
    }

    [Theory]
    [InlineData(4, 6, 5)]   // odd K2; even row count
    [InlineData(3, 3, 8)]   // odd row count: the last row pairs with zeros
    [InlineData(5, 7, 12)]  // odd row count, more than four pairs per vector group
    public void RealGrid3D_HalfSpectrumMatchesTheDefiningSum_AndInverseRestoresTimesSize(int k0, int k1, int k2)
    {
        var x = Random(k0 * k1 * k2, 7).Select(z => z.Real).ToArray();
        var fft = new Fft3D([k0, k1, k2]);
        var half = new Complex[fft.HalfSpectrumLength];
        fft.ForwardReal(x, half);
        int h = k2 / 2 + 1;
        Assert.Equal(k0 * k1 * h, half.Length);
        for (int a = 0; a < k0; a++)
        for (int b = 0; b < k1; b++)
        for (int c = 0; c < h; c++)
            Assert.True((half[(a * k1 + b) * h + c] - DefiningSum([.. x.Select(v => new Complex(v, 0))], k0, k1, k2, a, b, c)).Magnitude < 1e-12, $"({a},{b},{c})");
        var back = new double[x.Length];
        fft.InverseReal(half, back);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(back[i] / x.Length - x[i]) < 1e-14, $"round trip {i}");
    }

    /// <summary>MathNet.Numerics' 1D FFT along each axis (what the mesh Ewald used before our FFT).</summary>
    private static void ForwardMathNet3D(Complex[] g, int[] k)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            int n = k[axis];
            int stride = axis == 2 ? 1 : axis == 1 ? k[2] : k[1] * k[2];
            var line = new Complex[n];
            for (int start = 0; start < g.Length; start++)
            {
                int along = start / stride % n;
                if (along != 0) continue;
                for (int j = 0; j < n; j++) line[j] = g[start + j * stride];
                Fourier.Forward(line, FourierOptions.NoScaling);
                for (int j = 0; j < n; j++) g[start + j * stride] = line[j];
            }
        }
    }
}

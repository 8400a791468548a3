using System.Runtime.Intrinsics;

namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// Unnormalized complex DFT of length N on four lines at once (one Vector256 lane per line), any N: mixed radix
/// 4, 2 and 3 butterflies and, for 5 and other prime factors, a direct DFT of that factor. Stockham autosort, decimation in frequency
/// (Stockham; as in Van Loan, Computational Frameworks for the FFT, 1992, §1.7): a stage of radix r on a
/// sub-transform of length n = r·m with stride s computes, for p &lt; m, q &lt; s and k &lt; r,
///   y[q + s(rp + k)] = w_n^{pk} Σ_j x[q + s(p + jm)] w_r^{jk},   w_n = e^{∓2πi/n},
/// and the next stage works on y with s·r and m. Data are split re/im, element e of lane l at 4e + l.
/// Forward uses e^{−2πi jk/N}, inverse e^{+2πi jk/N}; neither divides by N.
/// </summary>
public sealed class LineFft
{
    private readonly int[] _radices;
    // Per stage: twiddles w_n^{pk} for p < m, k < r (cos, then −sin for the forward sign), flattened p·r + k.
    private readonly double[][] _cos, _sin;
    // Per distinct radix r: cos and sin of 2πt/r for t < r (the DFT of a generic factor).
    private readonly Dictionary<int, (double[] Cos, double[] Sin)> _roots = [];

    public int Length { get; }

    public LineFft(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "FFT length must be positive");
        Length = length;
        _radices = Factor(length);
        _cos = new double[_radices.Length][];
        _sin = new double[_radices.Length][];
        int n = length;
        for (int st = 0; st < _radices.Length; st++)
        {
            int r = _radices[st], m = n / r;
            _cos[st] = new double[m * r];
            _sin[st] = new double[m * r];
            for (int p = 0; p < m; p++)
            for (int k = 0; k < r; k++)
            {
                // exact reduction of the angle index keeps the twiddles accurate for long lines
                double angle = 2 * Math.PI * ((long)p * k % n) / n;
                _cos[st][p * r + k] = Math.Cos(angle);
                _sin[st][p * r + k] = Math.Sin(angle);
            }
            if (r is not (2 or 3 or 4) && !_roots.ContainsKey(r))
                _roots[r] = (Enumerable.Range(0, r).Select(t => Math.Cos(2 * Math.PI * t / r)).ToArray(),
                             Enumerable.Range(0, r).Select(t => Math.Sin(2 * Math.PI * t / r)).ToArray());
            n = m;
        }
    }

    /// <summary>The radices of the passes for length n: fours first, then 2, 3, 5 and the remaining primes in increasing order (also the device FFT's).</summary>
    public static int[] Factor(int n)
    {
        var f = new List<int>();
        while (n % 4 == 0) { f.Add(4); n /= 4; }
        foreach (int r in new[] { 2, 3, 5 }) while (n % r == 0) { f.Add(r); n /= r; }
        for (int r = 7; n > 1; r += 2) while (n % r == 0) { f.Add(r); n /= r; }
        return [.. f];
    }

    /// <summary>
    /// Transforms the four lines in (<paramref name="re"/>, <paramref name="im"/>) (length 4N each) in place;
    /// (<paramref name="workRe"/>, <paramref name="workIm"/>) are scratch of the same length.
    /// </summary>
    public void Transform(double[] re, double[] im, double[] workRe, double[] workIm, bool inverse)
    {
        if (re.Length < 4 * Length || im.Length < 4 * Length || workRe.Length < 4 * Length || workIm.Length < 4 * Length)
            throw new ArgumentException("line buffers must hold 4 × Length values");
        double sign = inverse ? 1.0 : -1.0;
        double[] xr = re, xi = im, yr = workRe, yi = workIm;
        int n = Length, s = 1;
        for (int st = 0; st < _radices.Length; st++)
        {
            int r = _radices[st], m = n / r;
            switch (r)
            {
                case 4: Radix4(xr, xi, yr, yi, m, s, _cos[st], _sin[st], sign); break;
                case 2: Radix2(xr, xi, yr, yi, m, s, _cos[st], _sin[st], sign); break;
                case 3: Radix3(xr, xi, yr, yi, m, s, _cos[st], _sin[st], sign); break;
                default: RadixGeneric(r, xr, xi, yr, yi, m, s, _cos[st], _sin[st], sign); break;
            }
            (xr, yr) = (yr, xr);
            (xi, yi) = (yi, xi);
            n = m;
            s *= r;
        }
        if (!ReferenceEquals(xr, re))
        {
            Array.Copy(xr, re, 4 * Length);
            Array.Copy(xi, im, 4 * Length);
        }
    }

    private static Vector256<double> V(double[] a, int e) => Vector256.LoadUnsafe(ref a[4 * e]);
    private static void Store(Vector256<double> v, double[] a, int e) => v.StoreUnsafe(ref a[4 * e]);

    /// <summary>y[e] = (vr + i·vi)·(wr + i·wi): a butterfly output times its twiddle.</summary>
    private static void StoreTwiddled(Vector256<double> vr, Vector256<double> vi, Vector256<double> wr, Vector256<double> wi, double[] yr, double[] yi, int e)
    {
        Store(vr * wr - vi * wi, yr, e);
        Store(vr * wi + vi * wr, yi, e);
    }

    private static void Radix2(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] c, double[] sn, double sign)
    {
        for (int p = 0; p < m; p++)
        {
            var wr = Vector256.Create(c[2 * p + 1]); var wi = Vector256.Create(sign * sn[2 * p + 1]);
            for (int q = 0; q < s; q++)
            {
                int a = q + s * p, b = q + s * (p + m);
                var ar = V(xr, a); var ai = V(xi, a); var br = V(xr, b); var bi = V(xi, b);
                int o = q + s * 2 * p;
                Store(ar + br, yr, o); Store(ai + bi, yi, o);
                var dr = ar - br; var di = ai - bi;
                StoreTwiddled(dr, di, wr, wi, yr, yi, o + s);
            }
        }
    }

    private static void Radix4(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] c, double[] sn, double sign)
    {
        for (int p = 0; p < m; p++)
        {
            var w1r = Vector256.Create(c[4 * p + 1]); var w1i = Vector256.Create(sign * sn[4 * p + 1]);
            var w2r = Vector256.Create(c[4 * p + 2]); var w2i = Vector256.Create(sign * sn[4 * p + 2]);
            var w3r = Vector256.Create(c[4 * p + 3]); var w3i = Vector256.Create(sign * sn[4 * p + 3]);
            for (int q = 0; q < s; q++)
            {
                int i0 = q + s * p;
                var ar = V(xr, i0); var ai = V(xi, i0);
                var br = V(xr, i0 + s * m); var bi = V(xi, i0 + s * m);
                var cr = V(xr, i0 + 2 * s * m); var ci = V(xi, i0 + 2 * s * m);
                var dr = V(xr, i0 + 3 * s * m); var di = V(xi, i0 + 3 * s * m);
                // 4-point DFT with w_4 = e^{∓iπ/2} = ∓i (sign −1 forward):  y_k = Σ_j x_j w_4^{jk}
                var apcR = ar + cr; var apcI = ai + ci; var amcR = ar - cr; var amcI = ai - ci;
                var bpdR = br + dr; var bpdI = bi + di; var bmdR = br - dr; var bmdI = bi - di;
                // (b − d)·(sign·i): multiplying by ±i swaps and negates
                var rotR = Vector256.Create(-sign) * bmdI; var rotI = Vector256.Create(sign) * bmdR;
                var y0r = apcR + bpdR; var y0i = apcI + bpdI;
                var y1r = amcR + rotR; var y1i = amcI + rotI;
                var y2r = apcR - bpdR; var y2i = apcI - bpdI;
                var y3r = amcR - rotR; var y3i = amcI - rotI;
                int o = q + s * 4 * p;
                Store(y0r, yr, o); Store(y0i, yi, o);
                StoreTwiddled(y1r, y1i, w1r, w1i, yr, yi, o + s);
                StoreTwiddled(y2r, y2i, w2r, w2i, yr, yi, o + 2 * s);
                StoreTwiddled(y3r, y3i, w3r, w3i, yr, yi, o + 3 * s);
            }
        }
    }

    private static void Radix3(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] c, double[] sn, double sign)
    {
        // 3-point DFT with w_3 = e^{∓2πi/3} = −1/2 ∓ i√3/2 (sign −1 forward):
        //   y0 = a + (b + c),  y1,2 = a − (b + c)/2 ± i·sign·(√3/2)(b − c)
        var half = Vector256.Create(0.5);
        var h = Vector256.Create(sign * 0.86602540378443864676); // sign·√3/2
        for (int p = 0; p < m; p++)
        {
            var w1r = Vector256.Create(c[3 * p + 1]); var w1i = Vector256.Create(sign * sn[3 * p + 1]);
            var w2r = Vector256.Create(c[3 * p + 2]); var w2i = Vector256.Create(sign * sn[3 * p + 2]);
            for (int q = 0; q < s; q++)
            {
                int i0 = q + s * p;
                var ar = V(xr, i0); var ai = V(xi, i0);
                var br = V(xr, i0 + s * m); var bi = V(xi, i0 + s * m);
                var cr = V(xr, i0 + 2 * s * m); var ci = V(xi, i0 + 2 * s * m);
                var tr = br + cr; var ti = bi + ci;
                var mr = ar - half * tr; var mi = ai - half * ti;
                var dr = h * (br - cr); var di = h * (bi - ci);
                var y1r = mr - di; var y1i = mi + dr; // m + i·d
                var y2r = mr + di; var y2i = mi - dr; // m − i·d
                int o = q + s * 3 * p;
                Store(ar + tr, yr, o); Store(ai + ti, yi, o);
                StoreTwiddled(y1r, y1i, w1r, w1i, yr, yi, o + s);
                StoreTwiddled(y2r, y2i, w2r, w2i, yr, yi, o + 2 * s);
            }
        }
    }

    private void RadixGeneric(int r, double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] c, double[] sn, double sign)
    {
        var (rc, rs) = _roots[r];
        Span<Vector256<double>> ar = stackalloc Vector256<double>[r];
        Span<Vector256<double>> ai = stackalloc Vector256<double>[r];
        for (int p = 0; p < m; p++)
        for (int q = 0; q < s; q++)
        {
            for (int j = 0; j < r; j++) { ar[j] = V(xr, q + s * (p + j * m)); ai[j] = V(xi, q + s * (p + j * m)); }
            int o = q + s * r * p;
            for (int k = 0; k < r; k++)
            {
                var sr = ar[0]; var si = ai[0];
                for (int j = 1; j < r; j++)
                {
                    int t = j * k % r;
                    var cr = Vector256.Create(rc[t]); var ci = Vector256.Create(sign * rs[t]);
                    sr += ar[j] * cr - ai[j] * ci;
                    si += ar[j] * ci + ai[j] * cr;
                }
                var wr = Vector256.Create(c[p * r + k]); var wi = Vector256.Create(sign * sn[p * r + k]);
                StoreTwiddled(sr, si, wr, wi, yr, yi, o + s * k);
            }
        }
    }
}

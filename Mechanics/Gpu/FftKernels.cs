using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>One Stockham pass of the device FFT over every line of one axis of a 3D grid.</summary>
public struct FftPass
{
    /// <summary>Line length N, this pass's radix R, and N_s = product of the radices of the passes before (1 at first).</summary>
    public int Length, Radix, Span;
    /// <summary>Lines on this axis; line l starts at (l / Inner)·OuterStride + l % Inner and steps by Stride.</summary>
    public int Lines, Inner, OuterStride, Stride;
    /// <summary>+1 for the forward transform (e^{−2πi…}), −1 for the inverse.</summary>
    public int Sign;
    /// <summary>Consecutive threads take consecutive butterflies of one line (a contiguous axis) instead of neighbouring lines.</summary>
    public int ButterflyMajor;
}

/// <summary>
/// The device FFT: a radix-R pass of the Stockham autosort algorithm (Govindaraju, Lloyd, Dotsenko, Smith, Manferdelli,
/// "High performance discrete Fourier transforms on graphics processors", SC 2008, fig. 2), out of place, one thread
/// per butterfly j of one line: v_r = x[j + r N/R] e^{−2πi r (j mod N_s)/(N_s R)}, an R-point DFT of v, and
/// y[(j div N_s) N_s R + (j mod N_s) + s N_s] = V_s. All roots come from one table cos/sin(2π t/N), t = 0…N−1.
/// </summary>
public static class FftKernels
{
    public static void Pass(Index1D t, ArrayView<double> inRe, ArrayView<double> inIm, ArrayView<double> outRe, ArrayView<double> outIm,
        ArrayView<double> cos, ArrayView<double> sin, FftPass p)
    {
        int n = p.Length, r = p.Radix, ns = p.Span;
        int butterflies = n / r;
        int line, j;
        if (p.ButterflyMajor != 0) { line = t / butterflies; j = t % butterflies; }
        else { line = t % p.Lines; j = t / p.Lines; }
        long origin = (long)(line / p.Inner) * p.OuterStride + line % p.Inner;
        int k = j % ns;
        int twiddleStep = n / (ns * r);   // e^{−2πi q k/(N_s R)} = root[q k twiddleStep]
        int rootStep = n / r;             // e^{−2πi q s/R} = root[(q s mod R) rootStep]
        int dest = (j / ns) * ns * r + k;
        for (int s = 0; s < r; s++)
        {
            double re = 0, im = 0;
            for (int q = 0; q < r; q++)
            {
                long src = origin + (long)(j + q * rootStep) * p.Stride;
                int root = (q * k * twiddleStep + (q * s % r) * rootStep) % n;
                double c = cos[root], sn = -p.Sign * sin[root];
                double xr = inRe[src], xi = inIm[src];
                re += xr * c - xi * sn;
                im += xr * sn + xi * c;
            }
            long d = origin + (long)(dest + s * ns) * p.Stride;
            outRe[d] = re;
            outIm[d] = im;
        }
    }
}

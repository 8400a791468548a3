using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Deterministic reductions: each of <c>parts</c> threads sums a fixed strided subset in index order, then one thread
/// per quantity sums the partial results in order, so the result does not depend on the device or on thread timing
/// (no atomics on doubles). Data of several quantities are laid out one after another: element i of quantity q at q·n + i.
/// </summary>
public static class ReductionKernels
{
    public static void PartialSums(Index1D t, ArrayView<double> data, int n, int parts, ArrayView<double> partial)
    {
        int q = t / parts, p = t % parts;
        long end = (long)(q + 1) * n;
        double s = 0;
        for (long k = (long)q * n + p; k < end; k += parts) s += data[k];
        partial[t] = s;
    }

    public static void FinalSums(Index1D q, ArrayView<double> partial, int parts, ArrayView<double> result)
    {
        double s = 0;
        for (int p = 0; p < parts; p++) s += partial[q * parts + p];
        result[q] = s;
    }

    public static void PartialMax(Index1D p, ArrayView<double> data, int n, int parts, ArrayView<double> partial)
    {
        double m = 0;
        for (int k = p; k < n; k += parts) m = Math.Max(m, data[k]);
        partial[p] = m;
    }

    public static void FinalMax(Index1D t, ArrayView<double> partial, int parts, ArrayView<double> result)
    {
        double m = 0;
        for (int p = 0; p < parts; p++) m = Math.Max(m, partial[p]);
        result[0] = m;
    }

    public static void MaxCount(Index1D i, ArrayView<int> count, ArrayView<int> result) => Atomic.Max(ref result[0], count[i]);
}

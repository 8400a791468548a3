using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>Runs the deterministic reductions of <see cref="ReductionKernels"/> and copies only the totals to the host.</summary>
public sealed class DeviceReducer(Accelerator acc, GpuKernels k) : IDisposable
{
    /// <summary>Threads of the first pass; fixed, so results are the same on every device.</summary>
    public const int Parts = 256;

    private readonly MemoryBuffer1D<double, Stride1D.Dense> _partial = acc.Allocate1D<double>(16 * Parts);
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _result = acc.Allocate1D<double>(16);

    /// <summary>Totals of <paramref name="quantities"/> arrays of length <paramref name="n"/> laid out q·n + i.</summary>
    public double[] Sums(ArrayView<double> data, int n, int quantities)
    {
        k.PartialSums(quantities * Parts, data, n, Parts, _partial.View);
        k.FinalSums(quantities, _partial.View, Parts, _result.View);
        var all = new double[16];
        _result.CopyToCPU(all);
        return all[..quantities];
    }

    /// <summary>Largest of the first <paramref name="n"/> values (non-negative data).</summary>
    public double Max(ArrayView<double> data, int n)
    {
        k.PartialMax(Parts, data, n, Parts, _partial.View);
        k.FinalMax(1, _partial.View, Parts, _result.View);
        var one = new double[1];
        _result.View.SubView(0, 1).CopyToCPU(one);
        return one[0];
    }

    public void Dispose()
    {
        _partial.Dispose();
        _result.Dispose();
    }
}

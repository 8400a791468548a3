using FractureLab.Mechanics.Coulomb;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>The mesh Ewald and FFT kernels, compiled once per accelerator when a mesh Ewald run first needs them.</summary>
public sealed class MeshKernelSet(Accelerator acc)
{
    public Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FftPass> FftPass { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FftPass>(FftKernels.Pass);
    public Action<Index1D, AtomViews, MeshFrame, MeshAtomViews> Weights { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, MeshFrame, MeshAtomViews>(MeshKernels.Weights);
    public Action<Index1D, AtomViews, MeshFrame, MeshAtomViews, FixedPointChargeGrid> Spread { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, MeshFrame, MeshAtomViews, FixedPointChargeGrid>(MeshKernels.Spread);
    public Action<Index1D, ArrayView<long>, double, ArrayView<double>, ArrayView<double>> ToComplex { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<long>, double, ArrayView<double>, ArrayView<double>>(MeshKernels.ToComplex);
    public Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, MeshFrame, ArrayView<double>> Influence { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, MeshFrame, ArrayView<double>>(MeshKernels.Influence);
    public Action<Index1D, AtomViews, MeshFrame, MeshAtomViews, ArrayView<double>> Interpolate { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, MeshFrame, MeshAtomViews, ArrayView<double>>(MeshKernels.Interpolate);
}

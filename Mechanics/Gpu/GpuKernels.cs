using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Potentials;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>Every kernel of the Gpu back end, compiled once per accelerator.</summary>
public sealed class GpuKernels(Accelerator acc)
{
    public Action<Index1D, AtomViews, DeviceBox> Wrap { get; } = acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, DeviceBox>(NeighborKernels.Wrap);
    public Action<Index1D, AtomViews, ArrayView<double>, ArrayView<double>> Displacement { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, ArrayView<double>, ArrayView<double>>(NeighborKernels.Displacement);
    public Action<Index1D, AtomViews, ArrayView<double>> SaveReference { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, ArrayView<double>>(NeighborKernels.SaveReference);
    public Action<Index1D, AtomViews, DeviceBox, CellGrid, ArrayView<int>, ArrayView<int>> BinAtoms { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, DeviceBox, CellGrid, ArrayView<int>, ArrayView<int>>(NeighborKernels.BinAtoms);
    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>> ScanCells { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>>(NeighborKernels.ScanCells);
    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>> Scatter { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>>(NeighborKernels.Scatter);
    public Action<Index1D, ArrayView<int>, ArrayView<int>> SortCells { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>>(NeighborKernels.SortCells);
    public Action<Index1D, AtomViews, DeviceBox, CellGrid, ArrayView<int>, ArrayView<int>, ArrayView<int>, NeighborViews, double> BuildFromCells { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, DeviceBox, CellGrid, ArrayView<int>, ArrayView<int>, ArrayView<int>, NeighborViews, double>(NeighborKernels.BuildFromCells);
    public Action<Index1D, AtomViews, DeviceBox, ImageReach, NeighborViews, double> BuildAllPairs { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, DeviceBox, ImageReach, NeighborViews, double>(NeighborKernels.BuildAllPairs);
    public Action<Index1D, AtomViews, NeighborViews, DeviceBox, ArrayView<ShortRangePair>, int, CoulombPair, ArrayView<double>, DoublePositions> Pairs { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, NeighborViews, DeviceBox, ArrayView<ShortRangePair>, int, CoulombPair, ArrayView<double>, DoublePositions>(ForceKernels.Pairs);
    public Action<Index1D, AtomViews, NeighborViews, DeviceBox, ArrayView<ShortRangePair>, int, CoulombPair, ArrayView<double>, SinglePositions> MixedPairs { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, NeighborViews, DeviceBox, ArrayView<ShortRangePair>, int, CoulombPair, ArrayView<double>, SinglePositions>(ForceKernels.Pairs);
    public Action<Index1D, AtomViews, ArrayView<float>, ArrayView<float>, ArrayView<float>> ToSingle { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, ArrayView<float>, ArrayView<float>, ArrayView<float>>(ForceKernels.ToSingle);
    public Action<Index1D, AtomViews, double> Kick { get; } = acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, double>(IntegrationKernels.Kick);
    public Action<Index1D, AtomViews, double> Drift { get; } = acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, double>(IntegrationKernels.Drift);
    public Action<Index1D, AtomViews, int, double> ScaleAxisVelocity { get; } = acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, int, double>(IntegrationKernels.ScaleAxisVelocity);
    public Action<Index1D, AtomViews, int, double, double> ScaleAxisPosition { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, int, double, double>(IntegrationKernels.ScaleAxisPosition);
    public Action<Index1D, AtomViews, double> Scale { get; } = acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, double>(IntegrationKernels.Scale);
    public Action<Index1D, AtomViews, ArrayView<double>> KineticTensor { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, AtomViews, ArrayView<double>>(IntegrationKernels.KineticTensor);
    public Action<Index1D, ArrayView<double>, int, int, ArrayView<double>> PartialSums { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, int, ArrayView<double>>(ReductionKernels.PartialSums);
    public Action<Index1D, ArrayView<double>, int, ArrayView<double>> FinalSums { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, ArrayView<double>>(ReductionKernels.FinalSums);
    public Action<Index1D, ArrayView<double>, int, int, ArrayView<double>> PartialMax { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, int, ArrayView<double>>(ReductionKernels.PartialMax);
    public Action<Index1D, ArrayView<double>, int, ArrayView<double>> FinalMax { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, ArrayView<double>>(ReductionKernels.FinalMax);
    public Action<Index1D, ArrayView<int>, ArrayView<int>> MaxCount { get; } =
        acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>>(ReductionKernels.MaxCount);
}

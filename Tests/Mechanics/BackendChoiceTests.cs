using FractureLab.Mechanics.Engines;
using FractureLab.Mechanics.Gpu;

namespace FractureLab.Tests.Mechanics;

/// <summary>Issue 19.3: the accelerator belongs to the BackendChoice that made it (no process-wide cache): shared by its back ends, freed with it.</summary>
public class BackendChoiceTests
{
    [Fact]
    public void GpuBackends_OfOneChoice_ShareItsAccelerator_AndDisposingTheChoiceFreesIt()
    {
        var choice = new BackendChoice(BackendKind.Gpu, Device: GpuDeviceKind.Cpu);
        var a = (GpuBackend)choice.Create();
        var b = (GpuBackend)choice.Create();
        Assert.Same(a.Device, b.Device);
        using (var other = new BackendChoice(BackendKind.Gpu, Device: GpuDeviceKind.Cpu))
            Assert.NotSame(a.Device, ((GpuBackend)other.Create()).Device);
        choice.Dispose();
        Assert.Throws<ObjectDisposedException>(() => choice.Create());
        Assert.Throws<ArgumentException>(() => BackendFactory.Create(BackendKind.Gpu));
    }

    /// <summary>Issue 21: --pair-layout picks the Simd loop's layout (auto: rows, the faster measured); a misspelt layout is named.</summary>
    [Fact]
    public void PairLayout_IsParsed_AndAutoRunsRows()
    {
        var clusters = Assert.IsType<FractureLab.Mechanics.Backends.SimdBackend>(BackendChoice.Parse("simd", 2, "auto", "double", "clusters").Create());
        Assert.Equal(FractureLab.Mechanics.Backends.PairLayout.Clusters, clusters.Layout);
        Assert.Contains("cluster pairs of", clusters.Name);
        var auto = Assert.IsType<FractureLab.Mechanics.Backends.SimdBackend>(BackendChoice.Parse("simd", 2, "auto", "mixed").Create());
        Assert.Equal(FractureLab.Mechanics.Backends.PairLayout.Rows, auto.Layout);
        var bad = Assert.Throws<FractureLab.Mechanics.InputException>(() => BackendChoice.Parse("simd", 2, "auto", "double", "clustres"));
        Assert.Contains("'clustres'", bad.Message);
    }
}

using FractureLab.Mechanics.Geometry;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Full Verlet list built on the device with a skin (Å): atoms wrapped into the box, binned into cells of at least
/// the list radius by a counting sort (each cell ordered by atom index, so the list is the same at every run), and
/// each atom's neighbors gathered from the 27 surrounding cells; boxes shorter than three list radii along a periodic
/// axis use all atoms and their explicit images instead (as the host list does). The per-atom capacity grows when an
/// atom has more neighbors than it holds. Rebuilt when an atom may have moved skin/2 or the box changed enough.
/// </summary>
public sealed class DeviceNeighborList(Accelerator acc, GpuKernels k, DeviceReducer reducer, double cutoff, double skin) : IDisposable
{
    private MemoryBuffer1D<double, Stride1D.Dense>? _reference, _d2;
    private MemoryBuffer1D<int, Stride1D.Dense>? _cellOf, _sorted, _counts, _start, _fill, _neighbor, _code, _count;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _maxCount = acc.Allocate1D<int>(1);
    private readonly double[] _refLength = new double[3];
    private int _atoms, _cells, _maxImage;
    private bool _invalid = true;

    public double Cutoff { get; } = cutoff;
    public double Skin { get; } = skin;
    public int Builds { get; private set; }
    /// <summary>Entries per atom the list holds.</summary>
    public int Stride { get; private set; }
    /// <summary>True when the last build used cells (else all pairs with images).</summary>
    public bool UsedCells { get; private set; }
    private double Radius => Cutoff + Skin;

    public NeighborViews Views => new() { Neighbor = _neighbor!.View, Code = _code!.View, Count = _count!.View, Stride = Stride, Atoms = _atoms };

    /// <summary>The box as the force kernel decodes this list's image codes.</summary>
    public DeviceBox DeviceBoxOf(Box box) => DeviceBox.From(box, _maxImage);

    public void Invalidate() => _invalid = true;

    /// <summary>Mean list entries per atom of the last build (copies the counts to the host).</summary>
    public double MeanEntries()
    {
        if (_count is null) return 0;
        var counts = new int[_atoms];
        _count.CopyToCPU(counts);
        return counts.Average();
    }

    /// <summary>The rebuild criterion of <see cref="Neighbors.NeighborList.NeedsRebuild"/>, evaluated on the device.</summary>
    public bool NeedsRebuild(DeviceAtoms atoms, Box box)
    {
        if (Builds == 0 || _invalid || _atoms != atoms.Count) return true;
        k.Displacement(atoms.Count, atoms.Views, _reference!.View, _d2!.View);
        double maxD2 = reducer.Max(_d2.View, atoms.Count);
        double boxChange = 0;
        for (int a = 0; a < 3; a++) boxChange += Math.Abs(box.Length(a) - _refLength[a]) * _maxImage;
        return 2.0 * Math.Sqrt(maxD2) + boxChange > Skin;
    }

    /// <summary>Wraps the atoms (on the device) and builds the list.</summary>
    public void Build(DeviceAtoms atoms, Box box)
    {
        int n = atoms.Count;
        EnsureAtoms(n);
        k.Wrap(n, atoms.Views, DeviceBox.From(box, 0));
        double rl = Radius;
        var nc = new int[3];
        bool cells = true;
        for (int a = 0; a < 3; a++)
        {
            nc[a] = Math.Max(1, (int)Math.Floor(box.Length(a) / rl));
            if (box.Periodic[a] && nc[a] < 3) cells = false;
        }
        var reach = new int[3];
        for (int a = 0; a < 3; a++) reach[a] = box.Periodic[a] ? (cells ? 1 : (int)Math.Ceiling(rl / box.Length(a))) : 0;
        _maxImage = Math.Max(reach[0], Math.Max(reach[1], reach[2]));
        var dbox = DeviceBox.From(box, _maxImage);
        if (Stride == 0) Allocate(n, EstimateStride(n, box, reach));
        var grid = new CellGrid(nc[0], nc[1], nc[2], box.Length(0) / nc[0], box.Length(1) / nc[1], box.Length(2) / nc[2]);
        if (cells) SortIntoCells(atoms, dbox, grid);
        while (true)
        {
            if (cells) k.BuildFromCells(n, atoms.Views, dbox, grid, _cellOf!.View, _start!.View, _sorted!.View, Views, rl * rl);
            else k.BuildAllPairs(n, atoms.Views, dbox, new ImageReach(reach[0], reach[1], reach[2]), Views, rl * rl);
            _maxCount.MemSetToZero();
            k.MaxCount(n, _count!.View, _maxCount.View);
            var most = new int[1];
            _maxCount.CopyToCPU(most);
            if (most[0] <= Stride) break;
            Allocate(n, most[0] + most[0] / 8 + 8);
        }
        UsedCells = cells;
        k.SaveReference(n, atoms.Views, _reference!.View);
        for (int a = 0; a < 3; a++) _refLength[a] = box.Length(a);
        Builds++;
        _invalid = false;
    }

    private void SortIntoCells(DeviceAtoms atoms, DeviceBox dbox, CellGrid grid)
    {
        int n = atoms.Count;
        if (_cells != grid.Total)
        {
            _counts?.Dispose(); _start?.Dispose(); _fill?.Dispose();
            _cells = grid.Total;
            _counts = acc.Allocate1D<int>(_cells);
            _start = acc.Allocate1D<int>(_cells + 1);
            _fill = acc.Allocate1D<int>(_cells);
        }
        _counts!.MemSetToZero();
        k.BinAtoms(n, atoms.Views, dbox, grid, _cellOf!.View, _counts!.View);
        k.ScanCells(1, _counts.View, _start!.View, _fill!.View);
        k.Scatter(n, _cellOf.View, _fill.View, _sorted!.View);
        k.SortCells(_cells, _start.View, _sorted.View);
    }

    /// <summary>Expected neighbors in the list sphere at the mean density, with a margin; at most every atom of every image.</summary>
    private int EstimateStride(int n, Box box, int[] reach)
    {
        double expected = n / box.Volume * 4.0 / 3.0 * Math.PI * Math.Pow(Radius, 3);
        long images = (2L * reach[0] + 1) * (2L * reach[1] + 1) * (2L * reach[2] + 1);
        return (int)Math.Min(images * n, (long)(1.25 * expected) + 32);
    }

    private void EnsureAtoms(int n)
    {
        if (_atoms == n) return;
        foreach (var b in new IDisposable?[] { _reference, _d2, _cellOf, _sorted, _count }) b?.Dispose();
        _atoms = n;
        _reference = acc.Allocate1D<double>(3L * n);
        _d2 = acc.Allocate1D<double>(n);
        _cellOf = acc.Allocate1D<int>(n);
        _sorted = acc.Allocate1D<int>(n);
        _count = acc.Allocate1D<int>(n);
        Stride = 0;
    }

    private void Allocate(int n, int stride)
    {
        _neighbor?.Dispose(); _code?.Dispose();
        Stride = stride;
        _neighbor = acc.Allocate1D<int>((long)n * stride);
        _code = acc.Allocate1D<int>((long)n * stride);
    }

    public void Dispose()
    {
        foreach (var b in new IDisposable?[] { _reference, _d2, _cellOf, _sorted, _counts, _start, _fill, _neighbor, _code, _count, _maxCount }) b?.Dispose();
    }
}

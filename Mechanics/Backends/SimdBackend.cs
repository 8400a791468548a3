using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Neighbors;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Vectorized (eight pairs at a time with AVX-512, four with AVX2: the loop is written once over <see cref="ILanes{TV}"/>),
/// multi-threaded pair loop over the half list. It works in the list's slot order (atoms sorted by cell at every
/// rebuild, <see cref="NeighborList.Order"/>): positions and charges are gathered into 32-byte slot rows at every call and
/// the forces scattered back to the atoms at the end. The rows are cut into <see cref="Blocks"/> blocks of about equal
/// pair counts, each with its own force buffer over the span of slots it touches, summed in block order afterwards (no
/// false sharing, no locks, the same result whatever the thread count).
/// Buckingham and the Coulomb methods run their vector bodies; other short-range styles call their
/// scalar definition lane by lane. Per-atom virials fall back to the Reference back end (as OpenMM's
/// CPU platform falls back to Reference). Tested against Reference to a relative 1e-12.
/// With <see cref="PairLayout.Clusters"/> the same terms run over a cluster-pair list instead (<see cref="ClusterPairKernel"/>,
/// double only); rows are the default, the faster measured.
/// </summary>
public sealed class SimdBackend(int threads, bool registerCompaction = true, int vectorBits = 0, PairPrecision precision = PairPrecision.Double, PairLayout layout = PairLayout.Rows) : IPairBackend
{
    private readonly ClusterPairKernel _clusters = new(Blocks);
    private readonly PairLayout _layout = PairLayouts.Supported(layout, precision);
    /// <summary>Whether this evaluation runs over the cluster-pair list (<see cref="Layout"/> clusters, and a force field it takes).</summary>
    private bool _onClusters;
    private readonly ReferenceBackend _fallback = new();
    private ThreadBuffer[] _buffers = [];
    private int[] _rowSplit = [];
    /// <summary>Per block, one past the highest slot its rows or their entries touch: its force rows span [first row, reach).</summary>
    private int[] _reach = [];
    private NeighborList? _splitList;
    private int _splitBuild = -1;
    private int _longestRow;
    private CompiledForceField? _laneSource;
    private BuckinghamLanes? _buckingham;
    private CoreBuckinghamLanes? _coreBuckingham;
    /// <summary>Positions (Å) and charge (e) as one row per slot, and types per slot, in the list's slot (cell) order, gathered at every evaluation.</summary>
    private double[] _rows = [];
    private int[] _type = [];
    /// <summary>Whether this evaluation tallies the energies and the virial (<see cref="ForceResult.TotalsRequested"/>).</summary>
    private bool _totals = true;

    public string Name => Layout == PairLayout.Clusters
        ? $"simd ({Threads} threads, Vector{VectorBits}, cluster pairs of {VectorBits / 64} atoms; rows with core-shell ions)"
        : $"simd ({Threads} threads, Vector{VectorBits}{(RegisterCompaction ? $", {(System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported ? "AVX-512" : "AVX2")} row compaction" : "")}{(Precision == PairPrecision.Mixed ? $", mixed precision: float32 pair terms in {VectorBits / 32} lanes, double sums" : "")})";

    /// <summary>
    /// Double, or mixed: the rows are compacted in double as always (pass 1: separations, r², the cut-off test), then the pair
    /// terms run in float32 lanes, twice as many per vector (<see cref="SingleLanes512"/>, <see cref="SingleLanes256"/>); each
    /// pair's force goes to its neighbour's double row (widened per four lanes), and the sums of a row (its atom's force,
    /// energies, virial: at most a few hundred pairs in float32) are added to double totals row by row.
    /// </summary>
    public PairPrecision Precision { get; } = precision;

    /// <summary>
    /// The layout of the pair loop: rows of the atom list, compacted (the default), or the cluster-pair list
    /// (<see cref="ClusterPairKernel"/>), for force fields without core-shell ions (elsewhere the rows run).
    /// </summary>
    public PairLayout Layout => _layout;
    public int Threads { get; } = Math.Max(1, threads);

    /// <summary>The threads of the pair loop: kept alive between steps (<see cref="WorkerTeam"/>).</summary>
    private WorkerTeam Team => _team ??= WorkerTeam.Of(Threads);
    private WorkerTeam? _team;

    /// <summary>
    /// Vector width of the pair loop (bits): 512 where Vector512 runs natively (AVX-512), else 256; the constructor may
    /// ask for 256 (tests run both widths). Without AVX-512, Vector512 is emulated and about ten times slower.
    /// </summary>
    public int VectorBits { get; } = vectorBits switch
    {
        0 => Vector512.IsHardwareAccelerated ? 512 : 256,
        256 => 256,
        512 when Vector512.IsHardwareAccelerated => 512,
        _ => throw new ArgumentOutOfRangeException(nameof(vectorBits), vectorBits, "vector width: 0 (best here), 256, or 512 where AVX-512 runs"),
    };

    /// <summary>
    /// Rows are compacted in registers where the CPU can (and the constructor allows it): AVX-512's vcompresspd, or on
    /// AVX2-only CPUs a vpermd by the lane mask (a table of 16 permutations); else lane by lane. All give the same packed
    /// rows, so the same bits.
    /// </summary>
    public bool RegisterCompaction { get; } = registerCompaction && (System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported || System.Runtime.Intrinsics.X86.Avx2.IsSupported);

    /// <summary>
    /// Row blocks of the pair loop, each with its own force buffer: a fixed number, whatever the thread count, and
    /// summed in block order, so forces, energies and virials are bit for bit the same on 1, 2 or 16 threads.
    /// </summary>
    public const int Blocks = 16;

    /// <summary>List entries inside the largest cut-off at the last call (the pairs the vector arithmetic ran on).</summary>
    public long LastPairsWithinCutoff { get; private set; }

    public void ComputePairs(AtomSystem s, NeighborList list, CompiledForceField ff, ForceResult result, bool perAtomVirial)
    {
        if (perAtomVirial) { _fallback.ComputePairs(s, list, ff, result, true); return; }
        int n = s.Count;
        if (!ReferenceEquals(_laneSource, ff)) { _buckingham = BuckinghamLanes.TryCreate(ff); _coreBuckingham = _buckingham is null ? CoreBuckinghamLanes.TryCreate(ff) : null; _laneSource = ff; }
        _totals = result.TotalsRequested;
        _onClusters = Layout == PairLayout.Clusters && ff.CoreShell is null;
        if (_onClusters)
        {
            _clusters.Prepare(s, list, VectorBits / 64);
            Dispatch(s, list, ff);
            _clusters.Reduce(s, result, Team, Threads);
            LastPairsWithinCutoff = _clusters.LastPairsWithinCutoff;
            if (!_totals) result.HasTotals = false;
            return;
        }
        // the row buffers only where rows run (16 blocks × 32 bytes per atom)
        if (_buffers.Length != Blocks || _buffers[0].F.Length != ForceRows.Length(n))
            _buffers = Enumerable.Range(0, Blocks).Select(_ => new ThreadBuffer(n, RegisterCompaction)).ToArray();
        SplitRows(list, n);
        ToSlots(s, list);
        Dispatch(s, list, ff);

        // Per slot, the blocks whose span holds it, in block order (slots split over the threads: the order per atom does
        // not change), to the atom.
        var buffers = _buffers;
        int[] split = _rowSplit, reach = _reach;
        void Sum(int from, int to)
        {
            for (int p = from; p < to; p++)
            {
                // One 32-byte row per buffer: the x, y and z sums side by side, each in block order as before.
                var f = Vector256<double>.Zero;
                for (int t = 0; t < Blocks; t++)
                    if (p >= split[t] && p < reach[t]) f += Vector256.LoadUnsafe(ref buffers[t].F[4 * p]);
                int i = list.AtomOf(p);
                s.Fx[i] = f.GetElement(0); s.Fy[i] = f.GetElement(1); s.Fz[i] = f.GetElement(2);
            }
        }
        if (Threads == 1) Sum(0, n);
        else Team.For(Threads, t => Sum(Numerics.BlockRange.Start(n, t, Threads), Numerics.BlockRange.Start(n, t + 1, Threads)));
        long kept = 0;
        foreach (var b in buffers)
        {
            kept += b.Kept;
            result.ShortRangeEnergy += b.ShortEnergy;
            result.CoulombPairEnergy += b.CoulombEnergy;
            for (int a = 0; a < 6; a++) result.Virial[a] += b.Virial[a];
        }
        LastPairsWithinCutoff = kept;
        if (!_totals) result.HasTotals = false;
    }

    /// <summary>The pair loop compiled for this vector width and precision.</summary>
    private void Dispatch(AtomSystem s, NeighborList list, CompiledForceField ff)
    {
        switch (VectorBits, Precision)
        {
            case (512, PairPrecision.Mixed): RunBlocks<Lanes512, SingleLanes512>(s, list, ff); break;
            case (512, _): RunBlocks<Lanes512, Lanes512>(s, list, ff); break;
            case (_, PairPrecision.Mixed): RunBlocks<Lanes256, SingleLanes256>(s, list, ff); break;
            default: RunBlocks<Lanes256, Lanes256>(s, list, ff); break;
        }
    }

    /// <summary>The kernel's inputs in the list's slot order (positions change every step; charges and types are copied too).</summary>
    private void ToSlots(AtomSystem s, NeighborList list)
    {
        int n = s.Count;
        if (_type.Length != n) { _rows = new double[4 * n]; _type = new int[n]; }
        RowCompaction.SlotRows(list, s.X, s.Y, s.Z, s.Charge, _rows);
        list.ToSlots<int>(s.Type, _type);
    }

    /// <summary>
    /// Contiguous row ranges with about equal numbers of pairs per block, and the slot span each block's forces land in:
    /// slots are in cell order and entries point to higher slots, so a block's span ends a few cell layers past its last
    /// row, except where its rows have partners across the periodic boundary. Recomputed when the list is rebuilt.
    /// </summary>
    private void SplitRows(NeighborList list, int n)
    {
        if (ReferenceEquals(list, _splitList) && list.Builds == _splitBuild && _rowSplit.Length == Blocks + 1 && _rowSplit[Blocks] == n) return;
        if (_rowSplit.Length != Blocks + 1) { _rowSplit = new int[Blocks + 1]; _reach = new int[Blocks]; }
        var start = list.Start;
        int total = list.PairCount, row = 0;
        for (int t = 1; t < Blocks; t++)
        {
            long target = (long)total * t / Blocks;
            while (row < n && start[row] < target) row++;
            _rowSplit[t] = row;
        }
        _rowSplit[0] = 0;
        _rowSplit[Blocks] = n;
        int longest = 0;
        for (int i = 0; i < n; i++) longest = Math.Max(longest, start[i + 1] - start[i]);
        _longestRow = longest;
        var neighbors = list.Neighbors;
        for (int t = 0; t < Blocks; t++)
        {
            int reach = _rowSplit[t + 1];
            for (int k = start[_rowSplit[t]]; k < start[_rowSplit[t + 1]]; k++) reach = Math.Max(reach, neighbors[k] + 1);
            _reach[t] = reach;
        }
        _splitList = list;
        _splitBuild = list.Builds;
    }

    /// <summary>
    /// The row blocks with the pair loop compiled for this vector width, precision, short-range and Coulomb combination:
    /// <typeparamref name="TFill"/> (double lanes) compacts the rows, <typeparamref name="TV"/> (the same, or float32 lanes) runs the pair terms.
    /// </summary>
    private void RunBlocks<TFill, TV>(AtomSystem s, NeighborList list, CompiledForceField ff) where TFill : struct, ILanes<TFill> where TV : struct, ILanes<TV>
    {
        if (_buckingham is { } buckingham) RunBlocks<TFill, TV, BuckinghamLanes>(s, list, ff, buckingham);
        else if (_coreBuckingham is { } core) RunBlocks<TFill, TV, CoreBuckinghamLanes>(s, list, ff, core);
        else RunBlocks<TFill, TV, AnyStyleLanes>(s, list, ff, new AnyStyleLanes(ff));
    }

    private void RunBlocks<TFill, TV, TShort>(AtomSystem s, NeighborList list, CompiledForceField ff, TShort shortRange)
        where TFill : struct, ILanes<TFill> where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes
    {
        var coul = ff.Coulomb;
        switch (coul.CutoffSquared > 0 ? coul.Method : CoulombMethod.None)
        {
            case CoulombMethod.None: RunBlocks<TFill, TV, TShort, NoCoulombLanes>(s, list, ff, shortRange, new NoCoulombLanes()); break;
            case CoulombMethod.Dsf: RunBlocks<TFill, TV, TShort, DsfLanes>(s, list, ff, shortRange, new DsfLanes(coul.Dsf)); break;
            case CoulombMethod.Wolf: RunBlocks<TFill, TV, TShort, WolfLanes>(s, list, ff, shortRange, new WolfLanes(coul.Wolf)); break;
            default: RunBlocks<TFill, TV, TShort, EwaldRealSpaceLanes>(s, list, ff, shortRange, new EwaldRealSpaceLanes(coul.Ewald)); break;
        }
    }

    private void RunBlocks<TFill, TV, TShort, TCoulomb>(AtomSystem s, NeighborList list, CompiledForceField ff, TShort shortRange, TCoulomb coulomb)
        where TFill : struct, ILanes<TFill> where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes
    {
        if (_totals) RunBlocks<TFill, TV, TShort, TCoulomb, WithTotals>(s, list, ff, shortRange, coulomb);
        else RunBlocks<TFill, TV, TShort, TCoulomb, ForcesOnly>(s, list, ff, shortRange, coulomb);
    }

    private void RunBlocks<TFill, TV, TShort, TCoulomb, TTally>(AtomSystem s, NeighborList list, CompiledForceField ff, TShort shortRange, TCoulomb coulomb)
        where TFill : struct, ILanes<TFill> where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes where TTally : struct, ITally
    {
        if (_onClusters)
        {
            if (Threads == 1) for (int b = 0; b < Blocks; b++) _clusters.RunBlock<TV, TShort, TCoulomb, TTally>(b, s, ff, shortRange, coulomb);
            else Team.For(Blocks, b => _clusters.RunBlock<TV, TShort, TCoulomb, TTally>(b, s, ff, shortRange, coulomb));
            return;
        }
        if (Threads == 1) for (int b = 0; b < Blocks; b++) RunRows<TFill, TV, TShort, TCoulomb, TTally>(b, s, list, ff, shortRange, coulomb);
        else Team.For(Blocks, b => RunRows<TFill, TV, TShort, TCoulomb, TTally>(b, s, list, ff, shortRange, coulomb));
    }

    private void RunRows<TFill, TV, TShort, TCoulomb, TTally>(int t, AtomSystem s, NeighborList list, CompiledForceField ff, TShort shortRange, TCoulomb coulomb)
        where TFill : struct, ILanes<TFill> where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes where TTally : struct, ITally
    {
        var b = _buffers[t];
        b.Clear(_rowSplit[t], _reach[t]);
        var start = list.Start;
        var src = new RowCompaction.Sources(_rows, list, s.Box);
        double[] bf = b.F;
        int[] type = _type;
        int nt = ff.TypeCount;
        var sums = new PairSums<TV>();
        var row = b.Row;
        row.Reserve(_longestRow);
        double keep2 = ff.MaxCutoff * ff.MaxCutoff, beyond2 = 4 * keep2;
        for (int i = _rowSplit[t]; i < _rowSplit[t + 1]; i++)
        {
            // Pass 1: separations of the whole row, keeping the entries inside the largest cut-off (list order kept).
            int kept = row.Fill<TFill>(src, i, start[i], start[i + 1], keep2, beyond2, TV.Count);
            b.Kept += row.Count;
            // Pass 2: the pair terms on the kept entries.
            PairTerms<TV, TShort, TCoulomb, TTally>(row, kept, i, type[i] * nt, _rows[4 * i + 3], type, shortRange, coulomb, bf, ref sums, b.RowTotals);
        }
        if (TV.IsSingle)
        {
            b.ShortEnergy = b.RowTotals[0]; b.CoulombEnergy = b.RowTotals[1];
            for (int a = 0; a < 6; a++) b.Virial[a] = b.RowTotals[2 + a];
        }
        else
        {
            b.ShortEnergy = TV.Sum(sums.ShortEnergy);
            b.CoulombEnergy = TV.Sum(sums.CoulombEnergy);
            b.Virial[0] = TV.Sum(sums.Xx); b.Virial[1] = TV.Sum(sums.Yy); b.Virial[2] = TV.Sum(sums.Zz);
            b.Virial[3] = TV.Sum(sums.Xy); b.Virial[4] = TV.Sum(sums.Xz); b.Virial[5] = TV.Sum(sums.Yz);
        }
    }

    /// <summary>
    /// Energies (eV) and virial (eV) of a block: per lane across the rows in double; with float32 lanes per row, each row's
    /// sums then added to the block's double <see cref="ThreadBuffer.RowTotals"/> instead.
    /// </summary>
    private struct PairSums<TV> where TV : struct, ILanes<TV>
    {
        public TV ShortEnergy, CoulombEnergy, Xx, Yy, Zz, Xy, Xz, Yz;
    }

    /// <summary>
    /// The pair terms of one packed row, a vector of entries at a time (padding lanes give zero): a small method of its own,
    /// so the JIT keeps the accumulators and the row in registers. Slot <paramref name="i"/>'s force goes to its row of
    /// <paramref name="bf"/>, the reactions to the neighbors' rows; the sums continue across rows in the same lane order.
    /// </summary>
    private static void PairTerms<TV, TShort, TCoulomb, TTally>(RowCompaction row, int kept, int i, int rowType, double qi, int[] type,
        TShort shortRange, TCoulomb coulomb, double[] bf, ref PairSums<TV> sums, double[] totals)
        where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes where TTally : struct, ITally
    {
        ref double rdx = ref MemoryMarshal.GetArrayDataReference(row.Dx);
        ref double rdy = ref MemoryMarshal.GetArrayDataReference(row.Dy);
        ref double rdz = ref MemoryMarshal.GetArrayDataReference(row.Dz);
        ref double rr2 = ref MemoryMarshal.GetArrayDataReference(row.R2);
        ref int rj = ref MemoryMarshal.GetArrayDataReference(row.J);
        ref int types = ref MemoryMarshal.GetArrayDataReference(type);
        ref double rq = ref MemoryMarshal.GetArrayDataReference(row.Q);
        var eShort = sums.ShortEnergy; var eCoul = sums.CoulombEnergy;
        var vxx = sums.Xx; var vyy = sums.Yy; var vzz = sums.Zz; var vxy = sums.Xy; var vxz = sums.Xz; var vyz = sums.Yz;
        if (TV.IsSingle) eShort = eCoul = vxx = vyy = vzz = vxy = vxz = vyz = TV.Zero; // float32 sums of this row only
        var fxi = TV.Zero; var fyi = TV.Zero; var fzi = TV.Zero;
        var qiV = TV.Create(qi);
        for (int e = 0; e < kept; e += TV.Count)
        {
            ref int j = ref Unsafe.Add(ref rj, e);
            var dx = TV.Load(ref Unsafe.Add(ref rdx, e)); var dy = TV.Load(ref Unsafe.Add(ref rdy, e)); var dz = TV.Load(ref Unsafe.Add(ref rdz, e));
            var r2 = TV.Load(ref Unsafe.Add(ref rr2, e));
            var r = TV.Sqrt(r2);
            var rinv = TV.One / r; // one division per pair, shared by every term
            var (eS, fr) = shortRange.Evaluate(r2, r, rinv, rowType, ref types, ref j);
            if (TTally.On) eShort += eS;
            if (coulomb.Active)
            {
                var (eC, fC) = coulomb.Evaluate(r2, r, rinv, qiV * TV.Load(ref Unsafe.Add(ref rq, e)));
                fr += fC;
                if (TTally.On) eCoul += eC;
            }
            var fx = dx * fr; var fy = dy * fr; var fz = dz * fr;
            fxi += fx; fyi += fy; fzi += fz;
            ForceRows.Subtract(bf, ref j, fx, fy, fz);
            if (TTally.On) { vxx += dx * fx; vyy += dy * fy; vzz += dz * fz; vxy += dx * fy; vxz += dx * fz; vyz += dy * fz; }
        }
        bf[4 * i] += TV.Sum(fxi); bf[4 * i + 1] += TV.Sum(fyi); bf[4 * i + 2] += TV.Sum(fzi);
        if (!TTally.On) return;
        if (TV.IsSingle)
        {
            totals[0] += TV.Sum(eShort); totals[1] += TV.Sum(eCoul);
            totals[2] += TV.Sum(vxx); totals[3] += TV.Sum(vyy); totals[4] += TV.Sum(vzz);
            totals[5] += TV.Sum(vxy); totals[6] += TV.Sum(vxz); totals[7] += TV.Sum(vyz);
            return;
        }
        sums.ShortEnergy = eShort; sums.CoulombEnergy = eCoul;
        sums.Xx = vxx; sums.Yy = vyy; sums.Zz = vzz; sums.Xy = vxy; sums.Xz = vxz; sums.Yz = vyz;
    }

    private sealed class ThreadBuffer(int n, bool registerCompaction)
    {
        /// <summary>Forces (eV/Å) as rows (f_x, f_y, f_z, 0) per atom: <see cref="ForceRows"/>.</summary>
        public double[] F { get; } = new double[ForceRows.Length(n)];
        public double[] Virial { get; } = new double[6];
        /// <summary>Float32 lanes only: the block's double sums of the rows' energies and virial (short-range, Coulomb, xx, yy, zz, xy, xz, yz).</summary>
        public double[] RowTotals { get; } = new double[8];
        public RowCompaction Row { get; } = new(registerCompaction);
        public long Kept { get; set; }
        public double ShortEnergy { get; set; }
        public double CoulombEnergy { get; set; }

        /// <summary>Zeroes the force rows of slots [from, to) (the block's span) and the sums.</summary>
        public void Clear(int from, int to)
        {
            Array.Clear(F, ForceRows.Length(from), ForceRows.Length(to) - ForceRows.Length(from)); Array.Clear(Virial); Array.Clear(RowTotals);
            ShortEnergy = CoulombEnergy = 0;
            Kept = 0;
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The pair loop over a <see cref="ClusterPairList"/> (Páll &amp; Hess 2013; GROMACS' "4xM" kernels with i taken one atom
/// at a time): for each atom i of a cluster I, broadcast, and each partner cluster J, one vector of the J's M = lane-count
/// atoms, read as offsets from J's centre from a contiguous row. No gather of positions, no compaction and no scatter:
/// the reactions on J go to a small per-I scratch of vectors (M i-atoms × the row's entries, in L1) and reach J's force
/// rows once per cluster pair. Lanes beyond each term's cut-off (and the padding lanes, placed 10⁵ Å away) give zero
/// through the terms' own cut-off masks; in the cluster's pair with itself only lanes j &gt; i count.
/// <para>
/// Separations: c_J − c_I + s·L − o_i per (i, J), plus the J offsets o_j. The kernel is written over
/// <see cref="ILanes{TV}"/> and runs in double lanes at both widths (<see cref="PairLayouts.Supported"/> refuses float32
/// lanes: on the Pedone CaO-SiO2 test glass their energy was 1.3e-6 off Reference, above the mixed bound). Forces,
/// energies and the virial are summed as in the row kernel: per i-atom in lanes, then in double.
/// </para>
/// </summary>
internal sealed class ClusterPairKernel
{
    /// <summary>Offset of a padding lane from its cluster's centre (Å): beyond every cut-off.</summary>
    private const double Far = 1e5;

    private readonly int _blocks;
    private ClusterPairList _list = new(1);
    /// <summary>The atom list the clusters were last built from (a back end may serve more than one force computer).</summary>
    private NeighborList? _builtFrom;
    private double[] _ox = [], _oy = [], _oz = [], _q = [], _laneType = [];
    private int[] _type = [], _lane = [];
    private int[] _split = [], _reach = [];
    private int _longestRow;
    private Buffer[] _buffers = [];

    public ClusterPairKernel(int blocks) => _blocks = blocks;

    /// <summary>Pairs within the largest cut-off at the last call (the lanes the pair terms counted).</summary>
    public long LastPairsWithinCutoff { get; private set; }

    /// <summary>Rebuilds the clusters when the atom list was rebuilt, and reads this step's offsets, charges and types into cluster lanes.</summary>
    public void Prepare(AtomSystem s, NeighborList list, int lanes)
    {
        if (_list.ClusterSize != lanes || !ReferenceEquals(_builtFrom, list) || _list.BuiltAt != list.Builds)
        {
            if (_list.ClusterSize != lanes) _list = new ClusterPairList(lanes);
            _list.Build(list, s);
            _builtFrom = list;
            Split();
        }
        var l = _list;
        int m = l.ClusterSize, slots = l.ClusterCount * m;
        if (_ox.Length != slots)
        {
            _ox = new double[slots]; _oy = new double[slots]; _oz = new double[slots]; _q = new double[slots]; _laneType = new double[slots];
            _type = new int[slots]; _lane = Enumerable.Range(0, slots).ToArray();
        }
        for (int p = 0; p < slots; p++)
        {
            int a = l.AtomOfLane[p], c = p / m;
            if (a < 0) { _ox[p] = _oy[p] = _oz[p] = Far; _q[p] = 0; _type[p] = 0; _laneType[p] = 0; continue; }
            _ox[p] = s.X[a] - l.CenterX[c]; _oy[p] = s.Y[a] - l.CenterY[c]; _oz[p] = s.Z[a] - l.CenterZ[c];
            _q[p] = s.Charge[a]; _type[p] = s.Type[a]; _laneType[p] = s.Type[a];
        }
        foreach (var b in _buffers) b.Reserve(slots, _longestRow * 3);
    }

    /// <summary>Contiguous cluster ranges with about equal entry counts per block, and the cluster span each block's forces land in.</summary>
    private void Split()
    {
        var l = _list;
        int nc = l.ClusterCount;
        _split = new int[_blocks + 1]; _reach = new int[_blocks];
        int row = 0;
        for (int t = 1; t < _blocks; t++)
        {
            long target = (long)l.EntryCount * t / _blocks;
            while (row < nc && l.Start[row] < target) row++;
            _split[t] = row;
        }
        _split[_blocks] = nc;
        _longestRow = 0;
        for (int c = 0; c < nc; c++) _longestRow = Math.Max(_longestRow, l.Start[c + 1] - l.Start[c]);
        for (int t = 0; t < _blocks; t++)
        {
            int reach = _split[t + 1];
            for (int e = l.Start[_split[t]]; e < l.Start[_split[t + 1]]; e++) reach = Math.Max(reach, l.Partner[e] + 1);
            _reach[t] = reach;
        }
        if (_buffers.Length != _blocks) _buffers = Enumerable.Range(0, _blocks).Select(_ => new Buffer()).ToArray();
    }

    /// <summary>The pair terms of block <paramref name="t"/>'s clusters into its own buffer.</summary>
    public void RunBlock<TV, TShort, TCoulomb, TTally>(int t, AtomSystem s, CompiledForceField ff, TShort shortRange, TCoulomb coulomb)
        where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes where TTally : struct, ITally
    {
        var l = _list;
        int m = TV.Count;
        var b = _buffers[t];
        b.Clear(_split[t] * m, _reach[t] * m);
        var box = s.Box;
        var lengths = (X: box.Length(0), Y: box.Length(1), Z: box.Length(2));
        int nt = ff.TypeCount;
        double keep2 = ff.MaxCutoff * ff.MaxCutoff;
        int stride = Unsafe.SizeOf<TV>() / sizeof(double);
        Span<double> laneIndex = stackalloc double[m];
        for (int k = 0; k < m; k++) laneIndex[k] = k;
        var lanes = TV.Create(laneIndex);
        for (int ci = _split[t]; ci < _split[t + 1]; ci++)
        {
            int e0 = l.Start[ci], e1 = l.Start[ci + 1];
            Array.Clear(b.Scratch, 0, 3 * (e1 - e0) * stride);
            for (int li = 0; li < m; li++)
            {
                int pi = ci * m + li;
                if (l.AtomOfLane[pi] < 0) break; // padding lanes come last in a cluster
                var self = l.SelfFirst[ci] ? TV.GreaterThan(lanes, TV.Create(li)) : TV.Zero;
                int kept = Separations(l, pi, e0, e1, l.SelfFirst[ci], self, lengths, keep2, b);
                PairTerms<TV, TShort, TCoulomb, TTally>(l, pi, e0, kept, _type[pi] * nt, shortRange, coulomb, b);
            }
            // the reactions of the row to the partners' force rows, widened to double four lanes at a time
            ref double scratch = ref MemoryMarshal.GetArrayDataReference(b.Scratch);
            for (int e = e0; e < e1; e++)
            {
                int j0 = l.Partner[e] * m;
                ref TV sx = ref Unsafe.As<double, TV>(ref Unsafe.Add(ref scratch, 3 * (e - e0) * stride));
                AddBlocks(b.Fx, j0, sx); AddBlocks(b.Fy, j0, Unsafe.Add(ref sx, 1)); AddBlocks(b.Fz, j0, Unsafe.Add(ref sx, 2));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBlocks<TV>(double[] f, int from, TV value) where TV : struct, ILanes<TV>
    {
        ref double row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(f), from);
        for (int k = 0; k < TV.Count / 4; k++)
        {
            ref double at = ref Unsafe.Add(ref row, 4 * k);
            (Vector256.LoadUnsafe(ref at) + TV.Block(value, k)).StoreUnsafe(ref at);
        }
    }

    /// <summary>
    /// Pass 1 for atom i (lane <paramref name="pi"/>): the separations to every partner cluster of its row, keeping the
    /// vectors with a lane inside the largest cut-off (in order, with their entry) in <paramref name="b"/>'s vector rows.
    /// In the cluster's pair with itself the lanes j ≤ i are moved beyond every cut-off (<paramref name="self"/> holds
    /// j &gt; i), so the pair terms give them zero. Returns the vectors kept. Two passes, as in the row loop: each method
    /// is small enough for the JIT to inline every vector operation into it.
    /// </summary>
    private int Separations<TV>(ClusterPairList l, int pi, int e0, int e1, bool selfFirst, TV self, (double X, double Y, double Z) box, double keep2, Buffer b)
        where TV : struct, ILanes<TV>
    {
        int m = TV.Count;
        int stride = Unsafe.SizeOf<TV>() / sizeof(double);
        ref double ox = ref MemoryMarshal.GetArrayDataReference(_ox);
        ref double oy = ref MemoryMarshal.GetArrayDataReference(_oy);
        ref double oz = ref MemoryMarshal.GetArrayDataReference(_oz);
        ref int partner = ref MemoryMarshal.GetArrayDataReference(l.Partner);
        ref double cdx = ref MemoryMarshal.GetArrayDataReference(l.CenterDx), cdy = ref MemoryMarshal.GetArrayDataReference(l.CenterDy), cdz = ref MemoryMarshal.GetArrayDataReference(l.CenterDz);
        ref double imx = ref MemoryMarshal.GetArrayDataReference(l.ImageX), imy = ref MemoryMarshal.GetArrayDataReference(l.ImageY), imz = ref MemoryMarshal.GetArrayDataReference(l.ImageZ);
        ref double rows = ref MemoryMarshal.GetArrayDataReference(b.Rows);
        ref int entry = ref MemoryMarshal.GetArrayDataReference(b.Entry);
        double xi = _ox[pi], yi = _oy[pi], zi = _oz[pi];
        var keep = TV.Create(keep2);
        int kept = 0;
        long pairs = 0;
        for (int e = e0; e < e1; e++)
        {
            int j0 = Unsafe.Add(ref partner, e) * m;
            var dx = TV.Create(Unsafe.Add(ref cdx, e) + Unsafe.Add(ref imx, e) * box.X - xi) + TV.Load(ref Unsafe.Add(ref ox, j0));
            var dy = TV.Create(Unsafe.Add(ref cdy, e) + Unsafe.Add(ref imy, e) * box.Y - yi) + TV.Load(ref Unsafe.Add(ref oy, j0));
            var dz = TV.Create(Unsafe.Add(ref cdz, e) + Unsafe.Add(ref imz, e) * box.Z - zi) + TV.Load(ref Unsafe.Add(ref oz, j0));
            var r2 = dx * dx + dy * dy + dz * dz;
            if (selfFirst && e == e0) r2 = TV.ConditionalSelect(self, r2, TV.Create(3 * Far * Far));
            ulong inside = TV.MaskBits(TV.LessThan(r2, keep));
            if (inside == 0) continue; // no lane of J within the cut-off
            pairs += BitOperations.PopCount(inside);
            ref TV row = ref Unsafe.As<double, TV>(ref Unsafe.Add(ref rows, 4 * kept * stride));
            row = dx; Unsafe.Add(ref row, 1) = dy; Unsafe.Add(ref row, 2) = dz; Unsafe.Add(ref row, 3) = r2;
            Unsafe.Add(ref entry, kept) = e;
            kept++;
        }
        b.Kept += pairs;
        return kept;
    }

    /// <summary>
    /// Pass 2 for atom i: the pair terms of the kept vectors (lanes beyond each term's cut-off give zero through the term's
    /// own mask); i's force to its row of <paramref name="b"/>, the reactions to the row's scratch, energies and virial
    /// summed in lanes and then, per atom, in double.
    /// </summary>
    private void PairTerms<TV, TShort, TCoulomb, TTally>(ClusterPairList l, int pi, int e0, int kept, int rowType, TShort shortRange, TCoulomb coulomb, Buffer b)
        where TV : struct, ILanes<TV> where TShort : struct, IShortRangeLanes where TCoulomb : struct, ICoulombLanes where TTally : struct, ITally
    {
        int m = TV.Count;
        int stride = Unsafe.SizeOf<TV>() / sizeof(double);
        ref double q = ref MemoryMarshal.GetArrayDataReference(_q);
        ref int types = ref MemoryMarshal.GetArrayDataReference(_type);
        ref double laneType = ref MemoryMarshal.GetArrayDataReference(_laneType);
        ref int lane = ref MemoryMarshal.GetArrayDataReference(_lane);
        ref double scratch = ref MemoryMarshal.GetArrayDataReference(b.Scratch);
        ref double rows = ref MemoryMarshal.GetArrayDataReference(b.Rows);
        ref int entry = ref MemoryMarshal.GetArrayDataReference(b.Entry);
        ref int partner = ref MemoryMarshal.GetArrayDataReference(l.Partner);
        var qi = TV.Create(_q[pi]);
        var fxi = TV.Zero; var fyi = TV.Zero; var fzi = TV.Zero;
        var eShort = TV.Zero; var eCoul = TV.Zero;
        var vxx = TV.Zero; var vyy = TV.Zero; var vzz = TV.Zero; var vxy = TV.Zero; var vxz = TV.Zero; var vyz = TV.Zero;
        for (int k = 0; k < kept; k++)
        {
            int e = Unsafe.Add(ref entry, k);
            int j0 = Unsafe.Add(ref partner, e) * m;
            ref TV row = ref Unsafe.As<double, TV>(ref Unsafe.Add(ref rows, 4 * k * stride));
            var dx = row; var dy = Unsafe.Add(ref row, 1); var dz = Unsafe.Add(ref row, 2); var r2 = Unsafe.Add(ref row, 3);
            var r = TV.Sqrt(r2);
            var rinv = TV.One / r;
            var (eS, fr) = shortRange.Evaluate(r2, r, rinv, rowType, TV.Load(ref Unsafe.Add(ref laneType, j0)), ref types, ref Unsafe.Add(ref lane, j0));
            if (TTally.On) eShort += eS;
            if (coulomb.Active)
            {
                var (eC, fC) = coulomb.Evaluate(r2, r, rinv, qi * TV.Load(ref Unsafe.Add(ref q, j0)));
                fr += fC;
                if (TTally.On) eCoul += eC;
            }
            // d = x_j − x_i, so F_j = (F/r)·d and F_i = −F_j
            var fx = dx * fr; var fy = dy * fr; var fz = dz * fr;
            fxi -= fx; fyi -= fy; fzi -= fz;
            ref TV sj = ref Unsafe.As<double, TV>(ref Unsafe.Add(ref scratch, 3 * (e - e0) * stride));
            sj += fx; Unsafe.Add(ref sj, 1) += fy; Unsafe.Add(ref sj, 2) += fz;
            if (TTally.On) { vxx += dx * fx; vyy += dy * fy; vzz += dz * fz; vxy += dx * fy; vxz += dx * fz; vyz += dy * fz; }
        }
        b.Fx[pi] += TV.Sum(fxi); b.Fy[pi] += TV.Sum(fyi); b.Fz[pi] += TV.Sum(fzi);
        if (!TTally.On) return;
        var totals = b.Totals;
        totals[0] += TV.Sum(eShort); totals[1] += TV.Sum(eCoul);
        totals[2] += TV.Sum(vxx); totals[3] += TV.Sum(vyy); totals[4] += TV.Sum(vzz);
        totals[5] += TV.Sum(vxy); totals[6] += TV.Sum(vxz); totals[7] += TV.Sum(vyz);
    }

    /// <summary>
    /// Per cluster lane, the blocks whose span holds it, in block order, to its atom's force (eV/Å); the blocks' energies
    /// (eV) and virials (eV) to <paramref name="result"/>.
    /// </summary>
    public void Reduce(AtomSystem s, ForceResult result, WorkerTeam team, int threads)
    {
        var l = _list;
        int m = l.ClusterSize, slots = l.ClusterCount * m;
        var buffers = _buffers;
        int[] split = _split, reach = _reach;
        void Sum(int from, int to)
        {
            for (int p = from; p < to; p++)
            {
                int a = l.AtomOfLane[p];
                if (a < 0) continue;
                int c = p / m;
                double fx = 0, fy = 0, fz = 0;
                for (int t = 0; t < buffers.Length; t++)
                    if (c >= split[t] && c < reach[t]) { fx += buffers[t].Fx[p]; fy += buffers[t].Fy[p]; fz += buffers[t].Fz[p]; }
                s.Fx[a] = fx; s.Fy[a] = fy; s.Fz[a] = fz;
            }
        }
        if (threads == 1) Sum(0, slots);
        else team.For(threads, t => Sum(BlockRange.Start(slots, t, threads), BlockRange.Start(slots, t + 1, threads)));
        long kept = 0;
        foreach (var b in buffers)
        {
            kept += b.Kept;
            result.ShortRangeEnergy += b.Totals[0];
            result.CoulombPairEnergy += b.Totals[1];
            for (int a = 0; a < 6; a++) result.Virial[a] += b.Totals[2 + a];
        }
        LastPairsWithinCutoff = kept;
    }

    private sealed class Buffer
    {
        /// <summary>Forces (eV/Å) per cluster lane.</summary>
        public double[] Fx = [], Fy = [], Fz = [];
        /// <summary>The block's double sums of the i-atoms' energies and virial (short-range, Coulomb, xx, yy, zz, xy, xz, yz; eV).</summary>
        public readonly double[] Totals = new double[8];
        /// <summary>Reactions of one cluster's row: three vectors per entry, as doubles reinterpreted as lanes.</summary>
        public double[] Scratch = [];
        /// <summary>Pass 1's kept vectors of one i-atom: separations (Å) and r² (Å²) as four vectors each, and their entries.</summary>
        public double[] Rows = [];
        public int[] Entry = [];
        public long Kept;

        /// <summary>Force rows for <paramref name="slots"/> lanes and a scratch of <paramref name="vectors"/> lane vectors (at most 64 bytes, 8 doubles, each).</summary>
        public void Reserve(int slots, int vectors)
        {
            if (Fx.Length != slots) { Fx = new double[slots]; Fy = new double[slots]; Fz = new double[slots]; }
            if (Scratch.Length < 8 * vectors) { Scratch = new double[8 * vectors]; Rows = new double[32 * vectors / 3 + 32]; Entry = new int[vectors / 3 + 1]; }
        }

        public void Clear(int from, int to)
        {
            Array.Clear(Fx, from, to - from); Array.Clear(Fy, from, to - from); Array.Clear(Fz, from, to - from);
            Array.Clear(Totals);
            Kept = 0;
        }
    }
}

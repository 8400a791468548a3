using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Neighbors;

/// <summary>
/// Half Verlet list built from a cell list, with a skin (Å) and automatic rebuild. The list works on <em>slots</em>: at
/// every build the atoms are sorted by cell and within a cell by octant (x fastest, then y, then z; by atom index
/// within an octant) and slot p holds
/// atom <see cref="Order"/>[p], so atoms close in space are close in memory for the kernels (LAMMPS's
/// <c>atom_modify sort</c>, done here on the list's view: the atoms' own arrays, ids and groups keep their order).
/// Rows and entries are slots. Each pair (p, q, image s) is stored once: q &gt; p, or q = p with a positive image (a
/// periodic self-image). Images are explicit, so boxes shorter than the cut-off work (as LAMMPS ghost atoms do).
/// Between rebuilds the positions are not wrapped, so r_q + s·L − r_p stays the true separation.
/// </summary>
public sealed class NeighborList
{
    private int[] _start = [0];
    private int[] _neighbor = new int[1024];
    private int[] _shift = new int[1024];
    private double[] _refX = [], _refY = [], _refZ = [];
    private readonly double[] _refLength = new double[3], _refLo = new double[3], _refHi = new double[3];
    private int _maxImage;
    private int _count;
    private bool _invalid;

    /// <summary>Interaction cut-off (Å): the largest pair or Coulomb cut-off.</summary>
    public double Cutoff { get; }
    /// <summary>Skin (Å) added to the cut-off; the list is rebuilt when atoms may have moved skin/2.</summary>
    public double Skin { get; }
    /// <summary>Number of builds so far.</summary>
    public int Builds { get; private set; }

    /// <summary>
    /// False when a back end keeps its own list (the Gpu back end): a build then only wraps the atoms and records
    /// the reference positions, so the rebuild criterion stays one definition, and stores no pairs.
    /// </summary>
    public bool StorePairs { get; init; } = true;

    /// <summary>
    /// Atom index of each slot, in cell order, from the last build: rows and entries of the list are slots, so a
    /// consumer reads atom Order[p] for slot p (kernels gather their inputs into slot order once per evaluation).
    /// </summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, _orderCount);
    /// <summary>Atom index of slot <paramref name="p"/> (<see cref="Order"/>[p]).</summary>
    public int AtomOf(int p) => _order[p];

    /// <summary>Per-atom values in slot order: <paramref name="perSlot"/>[p] = <paramref name="perAtom"/>[Order[p]].</summary>
    public void ToSlots<T>(ReadOnlySpan<T> perAtom, Span<T> perSlot)
    {
        var order = Order;
        for (int p = 0; p < order.Length; p++) perSlot[p] = perAtom[order[p]];
    }

    /// <summary>CSR row starts: neighbors of slot p are entries Start[p] .. Start[p+1]-1.</summary>
    public ReadOnlySpan<int> Start => _start;
    /// <summary>Neighbor slot per entry.</summary>
    public ReadOnlySpan<int> Neighbors => _neighbor.AsSpan(0, _count);
    /// <summary>Image code per entry, decoded by <see cref="ShiftVectors"/>.</summary>
    public ReadOnlySpan<int> Shifts => _shift.AsSpan(0, _count);
    public int PairCount => _count;

    /// <summary>Shift vectors (Å) per image code for the box they were last computed for.</summary>
    public double[] ShiftX { get; private set; } = [0];
    public double[] ShiftY { get; private set; } = [0];
    public double[] ShiftZ { get; private set; } = [0];

    public NeighborList(double cutoff, double skin = 2.0)
    {
        if (!(cutoff > 0)) throw new ArgumentOutOfRangeException(nameof(cutoff));
        if (skin < 0) throw new ArgumentOutOfRangeException(nameof(skin));
        Cutoff = cutoff;
        Skin = skin;
    }

    private double ListRadius => Cutoff + Skin;

    /// <summary>True when some atom moved more than skin/2 since the build, or the box changed enough.</summary>
    public bool NeedsRebuild(AtomSystem s)
    {
        if (Builds == 0 || _invalid || _refX.Length != s.Count) return true;
        double maxD2 = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double dx = s.X[i] - _refX[i], dy = s.Y[i] - _refY[i], dz = s.Z[i] - _refZ[i];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > maxD2) maxD2 = d2;
        }
        // Pair separations change by at most 2·max displacement plus |s|·ΔL for image pairs.
        double boxChange = 0;
        for (int a = 0; a < 3; a++) boxChange += Math.Abs(s.Box.Length(a) - _refLength[a]) * _maxImage;
        return 2.0 * Math.Sqrt(maxD2) + boxChange > Skin;
    }

    /// <summary>
    /// True when every periodic length of <paramref name="box"/> exceeds 2·(cut-off + 2·skin) Å: each entry's image is
    /// then the nearest image of its pair until the next rebuild (listed within cut-off + skin, and separations change by
    /// at most the skin before a rebuild), so a kernel may map separations to the nearest image instead of reading the
    /// entry's shift.
    /// </summary>
    public bool ImagesAreNearest(Box box)
    {
        for (int a = 0; a < 3; a++)
            if (box.Periodic[a] && !(box.Length(a) > 2 * (Cutoff + 2 * Skin))) return false;
        return true;
    }

    /// <summary>Forces a rebuild at the next force evaluation (after a checkpoint, so a resumed run builds at the same step).</summary>
    public void Invalidate() => _invalid = true;

    /// <summary>
    /// The wrapped positions (Å) and box bounds (Å) the list was last built from, or null before the first build, after
    /// <see cref="Invalidate"/>, or when the list stores no pairs. A checkpoint taken between rebuilds (Ctrl+C) carries it,
    /// so the resumed run rebuilds the very list the running one had (<see cref="RebuildFrom"/>) and sums the pairs in
    /// the same order: the build is a function of these positions and the box alone.
    /// </summary>
    public ListReference? Reference => Builds == 0 || _invalid || !StorePairs ? null
        : new ListReference((double[])_refX.Clone(), (double[])_refY.Clone(), (double[])_refZ.Clone(), (double[])_refLo.Clone(), (double[])_refHi.Clone());

    /// <summary>Builds the list of <paramref name="s"/> from a <see cref="Reference"/> (positions and box of the original build) instead of its current positions.</summary>
    public void RebuildFrom(AtomSystem s, ListReference reference)
    {
        if (reference.X.Length != s.Count) throw new ArgumentException($"list reference of {reference.X.Length} atoms for a system of {s.Count}", nameof(reference));
        var then = s.Clone();
        Array.Copy(reference.X, then.X, s.Count); Array.Copy(reference.Y, then.Y, s.Count); Array.Copy(reference.Z, then.Z, s.Count);
        then.Box.CopyFrom(new Box(reference.Lo, reference.Hi, s.Box.Periodic));
        Build(then);
        UpdateShifts(s.Box);
    }

    /// <summary>Recomputes the shift vectors for the current box (after a box change).</summary>
    public void UpdateShifts(Box box)
    {
        int m = _maxImage;
        for (int sz = -m; sz <= m; sz++)
            for (int sy = -m; sy <= m; sy++)
                for (int sx = -m; sx <= m; sx++)
                {
                    int code = Code(sx, sy, sz);
                    ShiftX[code] = sx * box.Length(0);
                    ShiftY[code] = sy * box.Length(1);
                    ShiftZ[code] = sz * box.Length(2);
                }
    }

    private int Code(int sx, int sy, int sz)
    {
        int m = _maxImage, w = 2 * m + 1;
        return (sx + m) + w * ((sy + m) + w * (sz + m));
    }

    /// <summary>Wall-clock seconds spent in <see cref="Build"/> so far (for the build's share of a run's time).</summary>
    public double BuildSeconds { get; private set; }

    /// <summary>Wraps atoms into the box and builds the list.</summary>
    public void Build(AtomSystem s)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try { BuildTimed(s); }
        finally { BuildSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds; }
    }

    private void BuildTimed(AtomSystem s)
    {
        s.WrapIntoBox();
        var box = s.Box;
        double rl = ListRadius, rl2 = rl * rl;
        var nc = new int[3];
        var reach = new int[3];
        var cellLen = new double[3];
        for (int a = 0; a < 3; a++)
        {
            double len = box.Length(a);
            nc[a] = Math.Max(1, (int)Math.Floor(len / rl));
            cellLen[a] = len / nc[a];
            reach[a] = (int)Math.Ceiling(rl / cellLen[a]);
            if (!box.Periodic[a]) reach[a] = Math.Min(reach[a], nc[a]);
        }
        _maxImage = 0;
        for (int a = 0; a < 3; a++) if (box.Periodic[a]) _maxImage = Math.Max(_maxImage, reach[a]);
        int codes = (2 * _maxImage + 1) * (2 * _maxImage + 1) * (2 * _maxImage + 1);
        ShiftX = new double[codes]; ShiftY = new double[codes]; ShiftZ = new double[codes];
        UpdateShifts(box);
        int center = Code(0, 0, 0);
        if (!StorePairs)
        {
            if (_start.Length != s.Count + 1) _start = new int[s.Count + 1];
            _count = 0;
            _orderCount = 0;
            RecordReference(s);
            return;
        }

        // Sort the atoms into slots by cell, and within a cell by octant (x fastest, then y, then z, at both levels;
        // by atom index within an octant: a stable counting sort, as LAMMPS sorts by bins of half the neighbor
        // cut-off), then gather the positions, types and cells into slot order; buffers are kept between builds.
        int n = s.Count, ncell = nc[0] * nc[1] * nc[2], nkey = 8 * ncell;
        if (_key.Length != n)
        {
            _key = new int[n]; _order = new int[n]; _slotCell = new int[n]; _slotType = new int[n];
            _slotX = new double[n]; _slotY = new double[n]; _slotZ = new double[n];
        }
        if (_cellStart.Length != ncell + 1) _cellStart = new int[ncell + 1];
        if (_keyStart.Length != nkey + 1) { _keyStart = new int[nkey + 1]; _keyFill = new int[nkey + 1]; }
        Array.Clear(_keyStart);
        for (int i = 0; i < n; i++)
        {
            var (cx, hx) = Bin(s.X[i], box, 0, nc, cellLen);
            var (cy, hy) = Bin(s.Y[i], box, 1, nc, cellLen);
            var (cz, hz) = Bin(s.Z[i], box, 2, nc, cellLen);
            _key[i] = 8 * (cx + nc[0] * (cy + nc[1] * cz)) + (hx + 2 * (hy + 2 * hz));
            _keyStart[_key[i] + 1]++;
        }
        for (int k = 0; k < nkey; k++) _keyStart[k + 1] += _keyStart[k];
        Array.Copy(_keyStart, _keyFill, nkey + 1);
        for (int i = 0; i < n; i++) _order[_keyFill[_key[i]]++] = i;
        for (int c = 0; c <= ncell; c++) _cellStart[c] = _keyStart[8 * c];
        _orderCount = n;
        for (int p = 0; p < n; p++)
        {
            int i = _order[p];
            _slotX[p] = s.X[i]; _slotY[p] = s.Y[i]; _slotZ[p] = s.Z[i];
            _slotType[p] = s.Type[i]; _slotCell[p] = _key[i] / 8;
        }

        // Rows in contiguous blocks, one per thread, each into its own buffer; then concatenated in row order, so the
        // list is the same whatever the thread count. The first block writes straight into the list's own arrays (its
        // entries come first), so only the other blocks' entries are held twice while the list is assembled.
        if (_start.Length != n + 1) _start = new int[n + 1];
        int blocks = Math.Max(1, Math.Min(Threads, n / 256));
        while (_rows.Count < blocks) _rows.Add(new RowBuffer());
        _rows[0].J = _neighbor;
        _rows[0].Code = _shift;
        var grid = new CellGrid(nc, reach, center, rl2);
        int BlockStart(int t) => Numerics.BlockRange.Start(n, t, blocks);
        // Room for the entries a uniform box of this density gives (half of n·ρ·4πr³/3, and 10 % more) taken at once, so the
        // first build does not grow its arrays by doubling (up to twice the room, and old and new copies side by side).
        double perRow = 0.5 * n / Math.Max(box.Volume, 1e-9) * 4.0 / 3.0 * Math.PI * rl * rl * rl;
        for (int t = 0; t < blocks; t++) _rows[t].Reserve((long)(1.1 * perRow * (BlockStart(t + 1) - BlockStart(t))) + 1024);
        if (blocks == 1) BuildRows(s, grid, 0, n, _rows[0]);
        else Numerics.WorkerTeam.Of(Threads).For(blocks, t => BuildRows(s, grid, BlockStart(t), BlockStart(t + 1), _rows[t])); // the pair loop's threads, awake
        var first = _rows[0];
        (_neighbor, _shift, _count) = (first.J, first.Code, first.Count); // grown in place if the block needed more room
        for (int i = 0; i < BlockStart(1); i++) _start[i] = first.RowStart[i];
        for (int t = 1; t < blocks; t++)
        {
            var r = _rows[t];
            int from = BlockStart(t), to = BlockStart(t + 1);
            for (int i = from; i < to; i++) _start[i] = _count + r.RowStart[i - from];
            EnsureCapacity(_count + r.Count);
            Array.Copy(r.J, 0, _neighbor, _count, r.Count);
            Array.Copy(r.Code, 0, _shift, _count, r.Count);
            _count += r.Count;
        }
        _start[n] = _count;
        RecordReference(s);
    }

    private void RecordReference(AtomSystem s)
    {
        int n = s.Count;
        if (_refX.Length != n) { _refX = new double[n]; _refY = new double[n]; _refZ = new double[n]; }
        Array.Copy(s.X, _refX, n); Array.Copy(s.Y, _refY, n); Array.Copy(s.Z, _refZ, n);
        for (int a = 0; a < 3; a++) { _refLength[a] = s.Box.Length(a); _refLo[a] = s.Box.Lo[a]; _refHi[a] = s.Box.Hi[a]; }
        Builds++;
        _invalid = false;
    }

    /// <summary>Threads of the build (rows split in contiguous blocks); the list does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    private int[] _key = [], _order = [], _slotCell = [], _slotType = [], _cellStart = [], _keyStart = [], _keyFill = [];
    private double[] _slotX = [], _slotY = [], _slotZ = [];
    private int _orderCount;
    private readonly List<RowBuffer> _rows = [];

    private readonly record struct CellGrid(int[] Counts, int[] Reach, int Center, double RadiusSquared);

    /// <summary>One thread's rows: entries (neighbor, image code), row starts relative to the block, and a sort buffer.</summary>
    private sealed class RowBuffer
    {
        public int[] J = new int[4096], Code = new int[4096], RowStart = new int[256], GroupJ = new int[256], GroupCode = new int[256];
        public int Count;

        /// <summary>At least <paramref name="entries"/> of room (the entries are about to be written again, so none are kept).</summary>
        public void Reserve(long entries)
        {
            int want = (int)Math.Min(entries, Array.MaxLength);
            if (J.Length >= want) return;
            J = new int[want];
            Code = new int[want];
        }

        /// <summary>Appends an entry, doubling the room when full (J and Code always have the same length).</summary>
        public void Add(int j, int code)
        {
            if (Count == J.Length) { Array.Resize(ref J, 2 * Count); Array.Resize(ref Code, 2 * Count); }
            J[Count] = j;
            Code[Count] = code;
            Count++;
        }
    }

    /// <summary>Rows of slots [from, to): the neighbor slots of each cell are the contiguous range of that cell.</summary>
    private void BuildRows(AtomSystem s, CellGrid g, int from, int to, RowBuffer r)
    {
        var box = s.Box;
        int[] nc = g.Counts, reach = g.Reach, cellStart = _cellStart;
        double[] x = _slotX, y = _slotY, z = _slotZ;
        double radius2 = g.RadiusSquared;
        int center = g.Center;
        r.Count = 0;
        if (r.RowStart.Length < to - from) r.RowStart = new int[to - from];
        for (int p = from; p < to; p++)
        {
            r.RowStart[p - from] = r.Count;
            int c = _slotCell[p];
            int cx = c % nc[0], cy = c / nc[0] % nc[1], cz = c / (nc[0] * nc[1]);
            double xp = x[p], yp = y[p], zp = z[p];
            for (int dz = -reach[2]; dz <= reach[2]; dz++)
            {
                if (!Neighbor(cz + dz, 2, box, nc, out int wz, out int sz)) continue;
                for (int dy = -reach[1]; dy <= reach[1]; dy++)
                {
                    if (!Neighbor(cy + dy, 1, box, nc, out int wy, out int sy)) continue;
                    for (int dx = -reach[0]; dx <= reach[0]; dx++)
                    {
                        if (!Neighbor(cx + dx, 0, box, nc, out int wx, out int sx)) continue;
                        int code = Code(sx, sy, sz);
                        double ox = ShiftX[code] - xp, oy = ShiftY[code] - yp, oz = ShiftZ[code] - zp;
                        int cell = wx + nc[0] * (wy + nc[1] * wz);
                        int end = cellStart[cell + 1];
                        for (int q = Math.Max(cellStart[cell], p); q < end; q++)
                        {
                            if (q == p && code <= center) continue;
                            double rx = x[q] + ox, ry = y[q] + oy, rz = z[q] + oz;
                            if (rx * rx + ry * ry + rz * rz < radius2) r.Add(q, code);
                        }
                    }
                }
            }
            GroupByType(r, _slotType, s.TypeCount, r.RowStart[p - from], r.Count);
        }
    }

    /// <summary>The cell along axis <paramref name="a"/> and which half of it (0 or 1) holds coordinate <paramref name="x"/> (Å).</summary>
    private static (int Cell, int Half) Bin(double x, Box box, int a, int[] nc, double[] cellLen)
    {
        double u = (x - box.Lo[a]) / cellLen[a];
        int c = Math.Clamp((int)Math.Floor(u), 0, nc[a] - 1);
        return (c, u - c >= 0.5 ? 1 : 0);
    }

    /// <summary>Maps a neighbor cell index to the wrapped cell and its image shift; false if outside a non-periodic axis.</summary>
    private static bool Neighbor(int c, int a, Box box, int[] nc, out int wrapped, out int shift)
    {
        if (!box.Periodic[a])
        {
            wrapped = c; shift = 0;
            return c >= 0 && c < nc[a];
        }
        shift = (int)Math.Floor((double)c / nc[a]);
        wrapped = c - shift * nc[a];
        return true;
    }

    /// <summary>
    /// Orders a row's entries by the neighbor's type (stable), so vector kernels see runs of one type pair and
    /// broadcast its parameters instead of gathering them per lane. <paramref name="slotType"/> is the type per slot.
    /// </summary>
    private static void GroupByType(RowBuffer r, int[] slotType, int typeCount, int from, int to)
    {
        int len = to - from;
        if (typeCount < 2 || len < 2) return;
        if (r.GroupJ.Length < len) { r.GroupJ = new int[2 * len]; r.GroupCode = new int[2 * len]; }
        int w = 0;
        for (int t = 0; t < typeCount; t++)
            for (int k = from; k < to; k++)
                if (slotType[r.J[k]] == t) { r.GroupJ[w] = r.J[k]; r.GroupCode[w] = r.Code[k]; w++; }
        Array.Copy(r.GroupJ, 0, r.J, from, len);
        Array.Copy(r.GroupCode, 0, r.Code, from, len);
    }

    private void EnsureCapacity(int entries)
    {
        if (entries <= _neighbor.Length) return;
        int size = Math.Max(entries, 2 * _neighbor.Length);
        Array.Resize(ref _neighbor, size);
        Array.Resize(ref _shift, size);
    }
}

/// <summary>What a <see cref="NeighborList"/> was built from: wrapped positions (Å) and box bounds (Å).</summary>
public sealed record ListReference(double[] X, double[] Y, double[] Z, double[] Lo, double[] Hi);

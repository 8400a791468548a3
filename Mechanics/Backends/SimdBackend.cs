using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Neighbors;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Vectorized (Vector256, four pairs at a time), multi-threaded pair loop over the half list. The rows are cut into
/// <see cref="Blocks"/> blocks of about equal pair counts, each with its own force buffer, summed in block order
/// afterwards (no false sharing, no locks, the same result whatever the thread count).
/// Buckingham and the Coulomb methods run their vector bodies; other short-range styles call their
/// scalar definition lane by lane. Per-atom virials fall back to the Reference back end (as OpenMM's
/// CPU platform falls back to Reference). Tested against Reference to a relative 1e-12.
/// </summary>
public sealed class SimdBackend(int threads, bool avx512Compaction = true) : IPairBackend
{
    private readonly ReferenceBackend _fallback = new();
    private ThreadBuffer[] _buffers = [];
    private int[] _rowSplit = [];
    private int _longestRow;
    private TypeTable? _table;

    public string Name => $"simd ({Threads} threads, Vector256{(Avx512Compaction ? ", AVX-512VL row compaction" : "")})";
    public int Threads { get; } = Math.Max(1, threads);

    /// <summary>
    /// Rows are compacted with AVX-512VL's vcompresspd where the CPU has it (and the constructor allows it), else lane by
    /// lane; both give the same packed rows, so the same bits.
    /// </summary>
    public bool Avx512Compaction { get; } = avx512Compaction && System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported;

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
        if (_table is null || !ReferenceEquals(_table.ForceField, ff)) _table = new TypeTable(ff);
        if (_buffers.Length != Blocks || _buffers[0].Fx.Length != n)
            _buffers = Enumerable.Range(0, Blocks).Select(_ => new ThreadBuffer(n, Avx512Compaction)).ToArray();
        SplitRows(list, n);
        var table = _table;
        if (Threads == 1) for (int b = 0; b < Blocks; b++) RunRows(b, s, list, ff, table);
        else Parallel.For(0, Blocks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, b => RunRows(b, s, list, ff, table));

        // Per atom, the blocks in order (atoms split over the threads: the order per atom does not change).
        var buffers = _buffers;
        void Sum(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                double fx = 0, fy = 0, fz = 0;
                foreach (var b in buffers) { fx += b.Fx[i]; fy += b.Fy[i]; fz += b.Fz[i]; }
                s.Fx[i] = fx; s.Fy[i] = fy; s.Fz[i] = fz;
            }
        }
        if (Threads == 1) Sum(0, n);
        else Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t => Sum(Numerics.BlockRange.Start(n, t, Threads), Numerics.BlockRange.Start(n, t + 1, Threads)));
        long kept = 0;
        foreach (var b in buffers)
        {
            kept += b.Kept;
            result.ShortRangeEnergy += b.ShortEnergy;
            result.CoulombPairEnergy += b.CoulombEnergy;
            for (int a = 0; a < 6; a++) result.Virial[a] += b.Virial[a];
        }
        LastPairsWithinCutoff = kept;
    }

    /// <summary>Contiguous row ranges with about equal numbers of pairs per block.</summary>
    private void SplitRows(NeighborList list, int n)
    {
        if (_rowSplit.Length != Blocks + 1) _rowSplit = new int[Blocks + 1];
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
    }

    private void RunRows(int t, AtomSystem s, NeighborList list, CompiledForceField ff, TypeTable table)
    {
        var b = _buffers[t];
        b.Clear();
        var start = list.Start;
        var nb = list.Neighbors;
        var sh = list.Shifts;
        double[] shx = list.ShiftX, shy = list.ShiftY, shz = list.ShiftZ;
        double[] x = s.X, y = s.Y, z = s.Z, q = s.Charge;
        double[] bfx = b.Fx, bfy = b.Fy, bfz = b.Fz; // locals: the JIT keeps them in registers across the scatter
        int[] type = s.Type;
        var coul = ff.Coulomb;
        double coulCut2 = coul.CutoffSquared;
        var method = coul.Method;
        DampedShiftedForceParameters dsf = coul.Dsf;
        WolfParameters wolf = coul.Wolf;
        EwaldRealSpaceParameters ewald = coul.Ewald;
        int nt = ff.TypeCount;
        var eShortV = Vector256<double>.Zero;
        var eCoulV = Vector256<double>.Zero;
        var vxxV = Vector256<double>.Zero; var vyyV = Vector256<double>.Zero; var vzzV = Vector256<double>.Zero;
        var vxyV = Vector256<double>.Zero; var vxzV = Vector256<double>.Zero; var vyzV = Vector256<double>.Zero;
        var row = b.Row;
        row.Reserve(_longestRow);
        double keep2 = ff.MaxCutoff * ff.MaxCutoff, beyond2 = 4 * keep2;
        var keep2V = Vector256.Create(keep2);
        for (int i = _rowSplit[t]; i < _rowSplit[t + 1]; i++)
        {
            double xi = x[i], yi = y[i], zi = z[i], qi = q[i];
            int rowType = type[i] * nt;

            // Pass 1: separations of the whole row, keeping the entries inside the largest cut-off (list order kept).
            row.Count = 0;
            int k = start[i], end = start[i + 1];
            for (; k + 4 <= end; k += 4)
            {
                int j0 = nb[k], j1 = nb[k + 1], j2 = nb[k + 2], j3 = nb[k + 3];
                int c0 = sh[k], c1 = sh[k + 1], c2 = sh[k + 2], c3 = sh[k + 3];
                var dx = Vector256.Create(xi) - Vector256.Create(x[j0] + shx[c0], x[j1] + shx[c1], x[j2] + shx[c2], x[j3] + shx[c3]);
                var dy = Vector256.Create(yi) - Vector256.Create(y[j0] + shy[c0], y[j1] + shy[c1], y[j2] + shy[c2], y[j3] + shy[c3]);
                var dz = Vector256.Create(zi) - Vector256.Create(z[j0] + shz[c0], z[j1] + shz[c1], z[j2] + shz[c2], z[j3] + shz[c3]);
                var r2 = dx * dx + dy * dy + dz * dz;
                row.Append(Vector256.LessThan(r2, keep2V), dx, dy, dz, r2, Vector128.Create(j0, j1, j2, j3));
            }
            for (; k < end; k++)
            {
                int j = nb[k], c = sh[k];
                double dx = xi - (x[j] + shx[c]), dy = yi - (y[j] + shy[c]), dz = zi - (z[j] + shz[c]);
                double r2 = dx * dx + dy * dy + dz * dz;
                row.Append(r2 < keep2, dx, dy, dz, r2, j);
            }
            b.Kept += row.Count;
            int kept = row.Pad(beyond2, i);

            // Pass 2: the pair terms on the kept entries, four at a time (padding lanes give zero).
            double[] rdx = row.Dx, rdy = row.Dy, rdz = row.Dz, rr2 = row.R2;
            int[] rj = row.J;
            var fxi = Vector256<double>.Zero; var fyi = Vector256<double>.Zero; var fzi = Vector256<double>.Zero;
            for (int e = 0; e < kept; e += 4)
            {
                int j0 = rj[e], j1 = rj[e + 1], j2 = rj[e + 2], j3 = rj[e + 3];
                var dx = Vector256.LoadUnsafe(ref rdx[e]); var dy = Vector256.LoadUnsafe(ref rdy[e]); var dz = Vector256.LoadUnsafe(ref rdz[e]);
                var r2 = Vector256.LoadUnsafe(ref rr2[e]);
                var r = Vector256.Sqrt(r2);
                var rinv = Vector256<double>.One / r; // one division per pair, shared by every term
                int p0 = rowType + type[j0], p1 = rowType + type[j1], p2 = rowType + type[j2], p3 = rowType + type[j3];
                var (eS, fS) = table.ShortRange(r2, r, rinv, p0, p1, p2, p3);
                var fr = fS;
                eShortV += eS;
                if (coulCut2 > 0)
                {
                    var qiqj = Vector256.Create(qi) * Vector256.Create(q[j0], q[j1], q[j2], q[j3]);
                    var (eC, fC) = method switch
                    {
                        CoulombMethod.Dsf => DampedShiftedForceVector.Evaluate(r2, r, rinv, dsf, qiqj),
                        CoulombMethod.Wolf => WolfSummationVector.Evaluate(r2, r, rinv, wolf, qiqj),
                        _ => EwaldRealSpaceVector.Evaluate(r2, r, rinv, ewald, qiqj),
                    };
                    fr += fC;
                    eCoulV += eC;
                }
                var fx = dx * fr; var fy = dy * fr; var fz = dz * fr;
                fxi += fx; fyi += fy; fzi += fz;
                bfx[j0] -= fx[0]; bfx[j1] -= fx[1]; bfx[j2] -= fx[2]; bfx[j3] -= fx[3];
                bfy[j0] -= fy[0]; bfy[j1] -= fy[1]; bfy[j2] -= fy[2]; bfy[j3] -= fy[3];
                bfz[j0] -= fz[0]; bfz[j1] -= fz[1]; bfz[j2] -= fz[2]; bfz[j3] -= fz[3];
                vxxV += dx * fx; vyyV += dy * fy; vzzV += dz * fz; vxyV += dx * fy; vxzV += dx * fz; vyzV += dy * fz;
            }
            bfx[i] += Vector256.Sum(fxi); bfy[i] += Vector256.Sum(fyi); bfz[i] += Vector256.Sum(fzi);
        }
        b.ShortEnergy = Vector256.Sum(eShortV);
        b.CoulombEnergy = Vector256.Sum(eCoulV);
        b.Virial[0] = Vector256.Sum(vxxV); b.Virial[1] = Vector256.Sum(vyyV); b.Virial[2] = Vector256.Sum(vzzV);
        b.Virial[3] = Vector256.Sum(vxyV); b.Virial[4] = Vector256.Sum(vxzV); b.Virial[5] = Vector256.Sum(vyzV);
    }

    private sealed class ThreadBuffer(int n, bool avx512Compaction)
    {
        public double[] Fx { get; } = new double[n];
        public double[] Fy { get; } = new double[n];
        public double[] Fz { get; } = new double[n];
        public double[] Virial { get; } = new double[6];
        public RowCompaction Row { get; } = new(avx512Compaction);
        public long Kept { get; set; }
        public double ShortEnergy { get; set; }
        public double CoulombEnergy { get; set; }

        public void Clear()
        {
            Array.Clear(Fx); Array.Clear(Fy); Array.Clear(Fz); Array.Clear(Virial);
            ShortEnergy = CoulombEnergy = 0;
            Kept = 0;
        }
    }

    /// <summary>Per type pair, the Buckingham coefficients laid out for lane gathers.</summary>
    private sealed class TypeTable
    {
        public CompiledForceField ForceField { get; }
        private readonly bool[] _buckingham;
        private readonly double[] _a, _invRho, _c, _d, _cut2, _shift;

        public TypeTable(CompiledForceField ff)
        {
            ForceField = ff;
            int m = ff.Pairs.Length;
            _buckingham = new bool[m]; _a = new double[m]; _invRho = new double[m]; _c = new double[m]; _d = new double[m]; _cut2 = new double[m]; _shift = new double[m];
            for (int p = 0; p < m; p++)
            {
                var e = ff.Pairs[p];
                _cut2[p] = e.CutoffSquared;
                _shift[p] = e.EnergyShift;
                if (e.Style == PairStyle.Buckingham)
                {
                    _buckingham[p] = true;
                    _a[p] = e.Buckingham.A; _invRho[p] = 1.0 / e.Buckingham.Rho; _c[p] = e.Buckingham.C; _d[p] = e.Buckingham.D;
                }
                else if (e.Style == PairStyle.None) _buckingham[p] = true; // zero coefficients, zero cut-off
            }
        }

        public (Vector256<double> Energy, Vector256<double> ForceOverR) ShortRange(Vector256<double> r2, Vector256<double> r, Vector256<double> rinv, int p0, int p1, int p2, int p3)
        {
            if (p0 == p1 && p0 == p2 && p0 == p3 && _buckingham[p0])
            {
                // One type pair in all four lanes (rows are grouped by neighbor type): its parameters broadcast.
                var mask = Vector256.LessThan(r2, Vector256.Create(_cut2[p0]));
                var (e, f) = Buckingham.Evaluate(r2, r, rinv, Vector256.Create(_a[p0]), Vector256.Create(_invRho[p0]), Vector256.Create(_c[p0]), Vector256.Create(_d[p0]));
                e -= Vector256.Create(_shift[p0]);
                return (Vector256.ConditionalSelect(mask, e, default), Vector256.ConditionalSelect(mask, f, default));
            }
            if (_buckingham[p0] && _buckingham[p1] && _buckingham[p2] && _buckingham[p3])
            {
                var mask = Vector256.LessThan(r2, Vector256.Create(_cut2[p0], _cut2[p1], _cut2[p2], _cut2[p3]));
                var (e, f) = Buckingham.Evaluate(r2, r, rinv,
                    Vector256.Create(_a[p0], _a[p1], _a[p2], _a[p3]), Vector256.Create(_invRho[p0], _invRho[p1], _invRho[p2], _invRho[p3]),
                    Vector256.Create(_c[p0], _c[p1], _c[p2], _c[p3]), Vector256.Create(_d[p0], _d[p1], _d[p2], _d[p3]));
                e -= Vector256.Create(_shift[p0], _shift[p1], _shift[p2], _shift[p3]);
                return (Vector256.ConditionalSelect(mask, e, default), Vector256.ConditionalSelect(mask, f, default));
            }
            var t0 = ForceField.Pairs[p0].Evaluate(r2[0]); var t1 = ForceField.Pairs[p1].Evaluate(r2[1]);
            var t2 = ForceField.Pairs[p2].Evaluate(r2[2]); var t3 = ForceField.Pairs[p3].Evaluate(r2[3]);
            return (Vector256.Create(t0.Energy, t1.Energy, t2.Energy, t3.Energy), Vector256.Create(t0.ForceOverR, t1.ForceOverR, t2.ForceOverR, t3.ForceOverR));
        }
    }
}

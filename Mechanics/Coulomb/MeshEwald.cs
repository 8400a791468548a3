using System.Numerics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Smooth particle-mesh Ewald (SPME; Essmann, Perera, Berkowitz, Darden, Hsing, Pedersen, J. Chem. Phys. 103, 8577
/// (1995)), the reciprocal part of an Ewald split for an orthorhombic periodic box, in metal units (k_e = 14.399645
/// eV·Å/e²). Charges are spread on a K1×K2×K3 grid with cardinal B-splines of order n (eq. 4.6),
///   E = (k_e/2πV) Σ_{m≠0} exp(−π²m²/α²)/m² B(m) |F(Q)(m)|²           (eq. 4.7; m = (m1/L1, m2/L2, m3/L3)),
///   F_i = −q_i Σ_k ∇_i[Π_a M_n(u_ia − k_a)] (θ ⋆ Q)(k)                (analytic differentiation, eq. 4.9),
///   W_ab = Σ_m E_m [δ_ab − 2(1/m² + π²/α²) m_a m_b]                     (virial, eq. 2.8 on the mesh),
/// plus the neutralizing-background energy −π k_e Q²/(2Vα²) for a net charge Q (as in <see cref="EwaldReciprocal"/>).
/// The 3D FFTs are our own (<see cref="Fft3D"/>, mixed radix, four lines per vector: faster than MathNet.Numerics'
/// managed FFT, and no native FFT library is served to this project), real to half spectrum and back: the charge grid
/// and the potential are real. The grid stays as chosen at
/// set-up while the box deforms (as LAMMPS keeps its PPPM grid), so the accuracy drifts a little at large strain.
/// </summary>
public sealed class MeshEwald : IReciprocalSpace
{
    private readonly int[] _k;
    private readonly int _order;
    private readonly double[][] _bsq;
    /// <summary>The real grid: the charges Q, then after the inverse transform θ ⋆ Q (K0×K1×K2).</summary>
    private double[] _real = [];
    /// <summary>Half spectrum of the real grid (K0×K1×(⌊K2/2⌋ + 1), <see cref="Fft3D.ForwardReal"/>).</summary>
    private Complex[] _spectrum = [];
    private double[][] _blockGrids = [];
    private readonly Fft3D _fft;
    /// <summary>θ ⋆ Q in padded rows, when the vector rows run (<see cref="PaddedMeshRows"/>).</summary>
    private double[] _theta = [];
    private double[] _slabSums = []; // per m_x slab: energy and the six virial sums (eV)
    private double[] _influence = [], _virialFactor = []; // g(m) (eV/e²) and 2(1/m² + π²/α²) (Å²) per grid point
    private (double, double, double) _influenceBox = (double.NaN, double.NaN, double.NaN); // the box lengths (Å) they are for
    private double[] _wx = [], _wy = [], _wz = [], _dx = [], _dy = [], _dz = [];
    private int[] _gx = [], _gy = [], _gz = [];
    /// <summary>Whether spreading and interpolation run on z-padded rows, one vector per z run (<see cref="PaddedMeshRows"/>).</summary>
    private readonly bool _paddedRows;
    /// <summary>z weights and slopes stored per atom: 8 (zero past the order) on padded rows, else the order.</summary>
    private readonly int _zStride;

    public double Alpha { get; }
    public IReadOnlyList<int> Grid => _k;
    public int Order => _order;
    /// <summary>|b_a(m)|² of each axis (Essmann eq. 4.4), for the device kernels.</summary>
    public IReadOnlyList<double[]> BFactorsSquared => _bsq;

    /// <summary>Neutralizing-background energy −π k_e Q²/(2Vα²) (eV) of net charge Q (e) in volume V (Å³); also each diagonal virial term.</summary>
    public double BackgroundEnergy(double netCharge, double volumeA3) =>
        -Math.PI * MetalUnits.CoulombConstant * netCharge * netCharge / (2.0 * volumeA3 * Alpha * Alpha);

    /// <summary>The frame of one evaluation on box <paramref name="box"/> (grid, order, origin, lengths, k_e/2πV, π²/α²).</summary>
    public MeshFrame Frame(Geometry.Box box) => new()
    {
        K0 = _k[0], K1 = _k[1], K2 = _k[2], Order = _order,
        LoX = box.Lo[0], LoY = box.Lo[1], LoZ = box.Lo[2], Lx = box.Length(0), Ly = box.Length(1), Lz = box.Length(2),
        Pref = MetalUnits.CoulombConstant / (2 * Math.PI * box.Volume), Pi2OverAlpha2 = Math.PI * Math.PI / (Alpha * Alpha),
    };

    /// <param name="vectorRows">
    /// Spread and interpolate with one vector per z run where the order and the CPU allow (<see cref="PaddedMeshRows"/>);
    /// false runs the scalar <see cref="MeshStencil"/> (the device kernels' code), for comparison.
    /// </param>
    public MeshEwald(double alpha, int[] grid, int order, bool vectorRows = true)
    {
        if (!(alpha > 0)) throw new InputException($"mesh Ewald: alpha must be positive, got {alpha}");
        if (order < 3 || order > 10) throw new InputException($"mesh Ewald: order must be 3 to 10, got {order}");
        if (grid.Length != 3 || grid.Any(k => k < 2 * order)) throw new InputException($"mesh Ewald: every grid dimension must be at least 2 × order = {2 * order}, got {string.Join('x', grid)}");
        Alpha = alpha;
        _k = (int[])grid.Clone();
        _order = order;
        _bsq = _k.Select(k => CardinalBSpline.BFactorSquared(order, k)).ToArray();
        _fft = new Fft3D(_k);
        _paddedRows = vectorRows && PaddedMeshRows.Supported(order);
        _zStride = _paddedRows ? PaddedMeshRows.Lanes : order;
    }

    public string Describe() => FormattableString.Invariant($"mesh Ewald (SPME), alpha {Alpha:G6} 1/Å, grid {_k[0]}x{_k[1]}x{_k[2]}, order {_order}");

    public double Compute(AtomSystem s, Span<double> virial) => Compute(s, virial, withTotals: true);

    /// <summary>The mesh sum; without <paramref name="withTotals"/> the per-point energy and virial terms are skipped (forces only) and NaN is returned.</summary>
    public double Compute(AtomSystem s, Span<double> virial, bool withTotals) => Compute(s, virial, withTotals, WorkerTeam.PerCore);

    /// <summary>
    /// As <see cref="Compute(AtomSystem, Span{double}, bool)"/>, every parallel loop (weights, spreading, FFTs, the m sums,
    /// forces) on <paramref name="team"/>: the pair loop's threads, already awake (a thread-pool loop per stage started late,
    /// see <see cref="WorkerTeam"/>). Every split is fixed or per item, so the result does not depend on the team.
    /// </summary>
    public double Compute(AtomSystem s, Span<double> virial, bool withTotals, WorkerTeam team)
    {
        var box = s.Box;
        if (!(box.Periodic[0] && box.Periodic[1] && box.Periodic[2])) throw new InputException("mesh Ewald needs a box periodic along x, y and z");
        int n = s.Count, p = _order;
        int k0 = _k[0], k1 = _k[1], k2 = _k[2];
        int size = k0 * k1 * k2;
        int spreadSize = _paddedRows ? k0 * k1 * PaddedMeshRows.RowLength(k2) : size;
        int half = _fft.HalfSpectrumLength, h = k2 / 2 + 1;
        if (_real.Length != size) { _real = new double[size]; _spectrum = new Complex[half]; _theta = _paddedRows ? new double[spreadSize] : []; }
        if (_wx.Length != n * p)
        {
            _wx = new double[n * p]; _wy = new double[n * p]; _wz = new double[n * _zStride];
            _dx = new double[n * p]; _dy = new double[n * p]; _dz = new double[n * _zStride];
            _gx = new int[n]; _gy = new int[n]; _gz = new int[n];
        }
        double qTotal = 0;
        for (int i = 0; i < n; i++) qTotal += s.Charge[i];

        // (1) B-spline weights per atom and axis, and the charge grid Q (Essmann eq. 4.6).
        // Atom blocks in parallel, each with its three axes (every atom's weights are its own: any split gives the same).
        team.For(SpreadBlocks, blk =>
        {
            int from = BlockRange.Start(n, blk, SpreadBlocks), to = BlockRange.Start(n, blk + 1, SpreadBlocks);
            Weights(s.X, from, to, box.Lo[0], box.Length(0), k0, _wx, _dx, _gx, p);
            Weights(s.Y, from, to, box.Lo[1], box.Length(1), k1, _wy, _dy, _gy, p);
            Weights(s.Z, from, to, box.Lo[2], box.Length(2), k2, _wz, _dz, _gz, _zStride, reversed: true);
        });
        Spread(s.Charge, n, p, k0, k1, k2, spreadSize, team);

        // (2) Forward FFT (real to half spectrum), energy and virial per m, multiply by the influence function
        // θ̂ = 2 E_m / |F(Q)|². The half spectrum holds m_z ≥ 0; each point but m_z = 0 and m_z = K2/2 also stands for
        // the point −m of the full grid (F(Q)(−m) = conj F(Q)(m)), whose terms are added from its own wave vector.
        _fft.ForwardReal(_real, _spectrum, team);
        var frame = Frame(box);
        double pref = frame.Pref, pi2a2 = frame.Pi2OverAlpha2;
        double lx = box.Length(0), ly = box.Length(1), lz = box.Length(2);
        if (_slabSums.Length != 7 * k0) _slabSums = new double[7 * k0];
        // g(m) and the virial factors depend on the box only: recomputed when its lengths change (every step of a
        // deformation, never in NVE).
        bool stale = _influence.Length != half || _influenceBox != (lx, ly, lz);
        if (_influence.Length != half) { _influence = new double[half]; _virialFactor = new double[half]; }
        _influenceBox = (lx, ly, lz);
        // Slabs of constant m_x in parallel, each summing its own energy and virial; the slabs are then added in order
        // (the same sums whatever the thread count).
        team.For(k0, a =>
        {
            double mx = MeshStencil.WaveNumber(a, k0, lx);
            double energy = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
            for (int b = 0; b < k1; b++)
            {
                double my = MeshStencil.WaveNumber(b, k1, ly);
                double bab = _bsq[0][a] * _bsq[1][b];
                int row = (a * k1 + b) * h;
                for (int c = 0; c < h; c++)
                {
                    int idx = row + c;
                    if (idx == 0) { _spectrum[0] = Complex.Zero; continue; }
                    double mz = MeshStencil.WaveNumber(c, k2, lz);
                    if (stale) (_influence[idx], _virialFactor[idx]) = MeshStencil.Influence(mx, my, mz, bab * _bsq[2][c], pref, pi2a2);
                    double g = _influence[idx], f = _virialFactor[idx], re = _spectrum[idx].Real, im = _spectrum[idx].Imaginary;
                    _spectrum[idx] *= 2.0 * g; // E = ½ Σ_k Q(k)(θ⋆Q)(k) = ½ Σ_m θ̂(m)|F(Q)(m)|², so θ̂ = 2g
                    if (!withTotals) continue; // forces only: the energy and virial terms below are not wanted
                    var t = MeshStencil.PointTerms(mx, my, mz, g, f, re, im);
                    energy += t.Energy;
                    vxx += t.Xx; vyy += t.Yy; vzz += t.Zz; vxy += t.Xy; vxz += t.Xz; vyz += t.Yz;
                    if (c != 0 && 2 * c != k2)
                    {
                        // The conjugate point −m of the full grid, its wave vector as the full grid has it (a Nyquist index
                        // K/2 stays +K/2/L), so off-diagonal virial terms of the Nyquist planes cancel as they do there.
                        var u = MeshStencil.PointTerms(Conjugate(a, k0, mx), Conjugate(b, k1, my), -mz, g, f, re, -im);
                        energy += u.Energy;
                        vxx += u.Xx; vyy += u.Yy; vzz += u.Zz; vxy += u.Xy; vxz += u.Xz; vyz += u.Yz;
                    }
                }
            }
            Span<double> slab = _slabSums.AsSpan(7 * a, 7);
            slab[0] = energy; slab[1] = vxx; slab[2] = vyy; slab[3] = vzz; slab[4] = vxy; slab[5] = vxz; slab[6] = vyz;
        });
        Span<double> totals = stackalloc double[7];
        for (int a = 0; a < k0; a++)
            for (int q = 0; q < 7; q++) totals[q] += _slabSums[7 * a + q];
        double energySum = totals[0];

        // (3) Back to real space: (θ ⋆ Q)(k), then forces by the B-spline derivatives (Essmann eq. 4.9).
        _fft.InverseReal(_spectrum, _real, team);
        if (_paddedRows) FillTheta(p, k0 * k1, k2, team);
        double sx = k0 / lx, sy = k1 / ly, sz = k2 / lz;
        var theta = new HostArray(_real);
        int zs = _zStride;
        // Each atom reads the grid and writes only its own force: parallel and deterministic.
        team.ForEachInRanges(n, Force);
        void Force(int i)
        {
            double q = s.Charge[i];
            if (q == 0) return;
            int o = i * p, oz = i * zs;
            var g = _paddedRows
                ? PaddedMeshRows.Gradient(_gx[i], _gy[i], _gz[i], p, k0, k1, k2, _wx.AsSpan(o, p), _dx.AsSpan(o, p),
                    _wy.AsSpan(o, p), _dy.AsSpan(o, p), _wz.AsSpan(oz, zs), _dz.AsSpan(oz, zs), _theta)
                : MeshStencil.Gradient(_gx[i], _gy[i], _gz[i], p, k0, k1, k2, new HostArray(_wx, o), new HostArray(_dx, o),
                    new HostArray(_wy, o), new HostArray(_dy, o), new HostArray(_wz, oz), new HostArray(_dz, oz), theta);
            s.Fx[i] -= q * sx * g.X;
            s.Fy[i] -= q * sy * g.Y;
            s.Fz[i] -= q * sz * g.Z;
        }
        if (!withTotals) return double.NaN;
        double background = BackgroundEnergy(qTotal, box.Volume);
        virial[0] += totals[1] + background; virial[1] += totals[2] + background; virial[2] += totals[3] + background;
        virial[3] += totals[4]; virial[4] += totals[5]; virial[5] += totals[6];
        return energySum + background;
    }

    /// <summary>Component (1/Å) of −m along an axis, given m's index and component: −m_a, except at a Nyquist index K/2, which the full grid reads as +K/2/L for both.</summary>
    private static double Conjugate(int index, int k, double component) => 2 * index == k ? component : -component;

    /// <summary>B-spline weights and slopes of atoms [from, to) on one axis (<see cref="MeshStencil.Weights"/>), <paramref name="stride"/> per atom.</summary>
    private void Weights(double[] x, int from, int to, double lo, double length, int k, double[] w, double[] d, int[] g, int stride, bool reversed = false)
    {
        int p = _order;
        for (int i = from; i < to; i++)
            g[i] = MeshStencil.Weights(x[i], lo, length, k, p, new HostArray(w, i * stride), new HostArray(d, i * stride), reversed);
    }

    /// <summary>θ ⋆ Q from the real grid into padded rows (<see cref="PaddedMeshRows"/>).</summary>
    private void FillTheta(int p, int rows, int k2, WorkerTeam team)
    {
        int len = PaddedMeshRows.RowLength(k2);
        team.ForRanges(rows, team.Chunks, (from, to) =>
        {
            for (int r = from; r < to; r++)
                for (int j = 0; j < len; j++) _theta[r * len + j] = _real[r * k2 + PaddedMeshRows.GridPoint(j, p, k2)];
        });
    }

    /// <summary>Atom blocks of the charge spreading, each on its own grid, summed in block order: deterministic on any thread count.</summary>
    private const int SpreadBlocks = 4;

    /// <summary>
    /// The charge grid Q (Essmann eq. 4.6): Q(k) = Σ_i q_i Π_a M_n(u_ia − k_a), the atoms cut into <see cref="SpreadBlocks"/>
    /// contiguous blocks spread in parallel, each on its own real grid (<paramref name="blockSize"/> points: padded rows
    /// or not); the blocks are then added point by point in block order into the real grid, padded rows folded
    /// back onto their grid points (row points in increasing order).
    /// </summary>
    private void Spread(double[] charge, int n, int p, int k0, int k1, int k2, int blockSize, WorkerTeam team)
    {
        if (_blockGrids.Length != SpreadBlocks || _blockGrids[0].Length != blockSize)
            _blockGrids = [.. Enumerable.Range(0, SpreadBlocks).Select(_ => new double[blockSize])];
        int zs = _zStride;
        team.For(SpreadBlocks, blk =>
        {
            var grid = _blockGrids[blk];
            Array.Clear(grid);
            int from = BlockRange.Start(n, blk, SpreadBlocks), to = BlockRange.Start(n, blk + 1, SpreadBlocks);
            for (int i = from; i < to; i++)
            {
                double q = charge[i];
                if (q == 0) continue;
                int o = i * p, oz = i * zs;
                if (_paddedRows)
                    PaddedMeshRows.Spread(q, _gx[i], _gy[i], _gz[i], p, k0, k1, k2, _wx.AsSpan(o, p), _wy.AsSpan(o, p), _wz.AsSpan(oz, zs), grid);
                else
                    MeshStencil.Spread(q, _gx[i], _gy[i], _gz[i], p, k0, k1, k2, new HostArray(_wx, o), new HostArray(_wy, o), new HostArray(_wz, oz), new HostArray(grid));
            }
        });
        var blocks = _blockGrids;
        var target = _real;
        int rows = k0 * k1;
        if (!_paddedRows)
        {
            int size = rows * k2;
            team.For(SpreadBlocks, part =>
            {
                int from = BlockRange.Start(size, part, SpreadBlocks), to = BlockRange.Start(size, part + 1, SpreadBlocks);
                for (int k = from; k < to; k++)
                {
                    double sum = 0;
                    foreach (var b in blocks) sum += b[k];
                    target[k] = sum;
                }
            });
            return;
        }
        int len = PaddedMeshRows.RowLength(k2);
        team.For(SpreadBlocks, part =>
        {
            Span<double> sums = k2 <= 1024 ? stackalloc double[k2] : new double[k2];
            for (int r = BlockRange.Start(rows, part, SpreadBlocks); r < BlockRange.Start(rows, part + 1, SpreadBlocks); r++)
            {
                sums.Clear();
                foreach (var b in blocks) PaddedMeshRows.FoldRow(b.AsSpan(r * len, len), sums, p);
                sums.CopyTo(target.AsSpan(r * k2, k2));
            }
        });
    }
}

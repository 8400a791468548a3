using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The short-range pair term of the vector kernel as a type parameter of <see cref="SimdBackend"/>'s pair loop, so
/// a force field with only Buckingham pairs runs a loop with no call in it (a call inside the loop makes the JIT keep
/// every vector in memory, since all vector registers are caller-saved).
/// </summary>
internal interface IShortRangeLanes
{
    /// <summary>
    /// Energy (eV, shifted as the pair's definition says) and F/r (eV/Å²) of the pairs (i, j_l), j_l read from
    /// <paramref name="j"/>; the type pair of lane l is <paramref name="rowType"/> + types[j_l]. Zero beyond each pair's cut-off.
    /// </summary>
    (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>;

    /// <summary>
    /// The same with the neighbours' types also as lane values (0, 1, …: <paramref name="laneType"/>), for the cluster-pair
    /// loop, where a vector's neighbours are a cluster of mixed types: the coefficients are then picked by a select per type
    /// instead of gathered lane by lane.
    /// </summary>
    (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, TV laneType, ref int types, ref int j) where TV : struct, ILanes<TV>;
}

/// <summary>Every type pair Buckingham (or none: zero coefficients, zero cut-off): the vector body of <see cref="Buckingham"/>.</summary>
internal readonly struct BuckinghamLanes : IShortRangeLanes
{
    private readonly double[] _a, _invRho, _c, _d, _cut2, _shift;

    /// <summary>Atom types of the force field: the type pair (t_i, t_j) is entry t_i·types + t_j of the tables.</summary>
    private readonly int _types;

    private BuckinghamLanes(int pairs)
    {
        _types = (int)Math.Round(Math.Sqrt(pairs));
        _a = new double[pairs]; _invRho = new double[pairs]; _c = new double[pairs]; _d = new double[pairs]; _cut2 = new double[pairs]; _shift = new double[pairs];
    }

    /// <summary>The per-type-pair coefficients (A eV, 1/ρ 1/Å, C eV·Å⁶, D eV·Å²⁴, r_c² Å², shift eV), or null when some pair has another style (or a core).</summary>
    public static BuckinghamLanes? TryCreate(CompiledForceField ff) => Create(ff, coreOutside: false);

    /// <summary>
    /// The coefficients of every pair's Buckingham part: Buckingham pairs as they are and, with <paramref name="coreOutside"/>,
    /// the outer Buckingham (A, ρ, C) of core-corrected pairs; null when some pair has another style.
    /// </summary>
    internal static BuckinghamLanes? Create(CompiledForceField ff, bool coreOutside)
    {
        var lanes = new BuckinghamLanes(ff.Pairs.Length);
        for (int p = 0; p < ff.Pairs.Length; p++)
        {
            var e = ff.Pairs[p];
            if (e.Style == PairStyle.None) continue;
            var b = e.Style switch
            {
                PairStyle.Buckingham => e.Buckingham,
                // a core-corrected pair without a core (r0 = 0) is plain Buckingham
                PairStyle.CoreBuckingham when coreOutside || e.Core.R0 <= 0 => new BuckinghamParameters(e.Core.A, e.Core.Rho, e.Core.C),
                _ => (BuckinghamParameters?)null,
            };
            if (b is not { } q) return null;
            lanes._cut2[p] = e.CutoffSquared;
            lanes._shift[p] = e.EnergyShift;
            lanes._a[p] = q.A; lanes._invRho[p] = 1.0 / q.Rho; lanes._c[p] = q.C; lanes._d[p] = q.D;
        }
        return lanes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        TV cut2, a, invRho, c, d, shift;
        int t0 = Unsafe.Add(ref types, j);
        bool oneType = true;
        for (int l = 1; l < TV.Count; l++) oneType &= Unsafe.Add(ref types, Unsafe.Add(ref j, l)) == t0;
        if (oneType)
        {
            // Rows are grouped by neighbor type: one type pair in all lanes is the common case; its coefficients broadcast.
            int p = rowType + t0;
            cut2 = TV.Create(At(_cut2, p)); a = TV.Create(At(_a, p)); invRho = TV.Create(At(_invRho, p));
            c = TV.Create(At(_c, p)); d = TV.Create(At(_d, p)); shift = TV.Create(At(_shift, p));
        }
        else
        {
            cut2 = Lanes<TV>(_cut2, rowType, ref types, ref j); a = Lanes<TV>(_a, rowType, ref types, ref j); invRho = Lanes<TV>(_invRho, rowType, ref types, ref j);
            c = Lanes<TV>(_c, rowType, ref types, ref j); d = Lanes<TV>(_d, rowType, ref types, ref j); shift = Lanes<TV>(_shift, rowType, ref types, ref j);
        }
        var mask = TV.LessThan(r2, cut2);
        var (e, f) = Buckingham.Evaluate(r2, r, rinv, a, invRho, c, d);
        e -= shift;
        return (TV.ConditionalSelect(mask, e, TV.Zero), TV.ConditionalSelect(mask, f, TV.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, TV laneType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        // types − 1 selects per coefficient (a handful of types in an oxide or a glass-ceramic; the gathers of the row loop
        // would cost a load per lane)
        var cut2 = TV.Create(At(_cut2, rowType)); var a = TV.Create(At(_a, rowType)); var invRho = TV.Create(At(_invRho, rowType));
        var c = TV.Create(At(_c, rowType)); var d = TV.Create(At(_d, rowType)); var shift = TV.Create(At(_shift, rowType));
        for (int type = 1; type < _types; type++) Select(TV.GreaterThan(laneType, TV.Create(type - 0.5)), rowType + type, ref cut2, ref a, ref invRho, ref c, ref d, ref shift);
        var mask = TV.LessThan(r2, cut2);
        var (e, f) = Buckingham.Evaluate(r2, r, rinv, a, invRho, c, d);
        e -= shift;
        return (TV.ConditionalSelect(mask, e, TV.Zero), TV.ConditionalSelect(mask, f, TV.Zero));
    }

    /// <summary>The coefficients of type pair <paramref name="p"/> in the lanes of <paramref name="m"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Select<TV>(TV m, int p, ref TV cut2, ref TV a, ref TV invRho, ref TV c, ref TV d, ref TV shift) where TV : struct, ILanes<TV>
    {
        cut2 = TV.ConditionalSelect(m, TV.Create(At(_cut2, p)), cut2); a = TV.ConditionalSelect(m, TV.Create(At(_a, p)), a);
        invRho = TV.ConditionalSelect(m, TV.Create(At(_invRho, p)), invRho); c = TV.ConditionalSelect(m, TV.Create(At(_c, p)), c);
        d = TV.ConditionalSelect(m, TV.Create(At(_d, p)), d); shift = TV.ConditionalSelect(m, TV.Create(At(_shift, p)), shift);
    }

    /// <summary>table[p] without a bounds check: p is a type-pair index of the compiled force field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double At(double[] table, int p) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Lanes<TV>(double[] table, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV> =>
        TV.GatherIndirect(ref MemoryMarshal.GetArrayDataReference(table), rowType, ref types, ref j);
}

/// <summary>
/// Buckingham and core-corrected Buckingham pairs (Du/Teter, <see cref="CoreBuckingham"/>): every lane through the vector
/// Buckingham body, then the lanes inside their pair's core radius r0 (rare: closer than any bond, reached only in hot
/// melts) replaced by the scalar core term, so the loop keeps its vector speed and the core stays exact. A type of its
/// own, so force fields without cores run <see cref="BuckinghamLanes"/> with no trace of this check.
/// </summary>
internal readonly struct CoreBuckinghamLanes : IShortRangeLanes
{
    private readonly BuckinghamLanes _outside;
    /// <summary>Per row type (index type_i·types, as the pair loop's row offset): the largest r0² (Å²) of its pairs.</summary>
    private readonly double[] _rowR0Squared;
    private readonly ShortRangePair[] _pairs;

    private CoreBuckinghamLanes(BuckinghamLanes outside, CompiledForceField ff)
    {
        _outside = outside;
        _pairs = ff.Pairs;
        int nt = ff.TypeCount;
        _rowR0Squared = new double[ff.Pairs.Length];
        for (int ti = 0; ti < nt; ti++)
            for (int tj = 0; tj < nt; tj++)
                if (ff.Pairs[ti * nt + tj] is { Style: PairStyle.CoreBuckingham } e) _rowR0Squared[ti * nt] = Math.Max(_rowR0Squared[ti * nt], e.Core.R0 * e.Core.R0);
    }

    /// <summary>The lanes of a force field whose pairs are Buckingham, core-corrected Buckingham or none, with at least one core; else null.</summary>
    public static CoreBuckinghamLanes? TryCreate(CompiledForceField ff) =>
        ff.Pairs.Any(e => e.Style == PairStyle.CoreBuckingham && e.Core.R0 > 0) && BuckinghamLanes.Create(ff, coreOutside: true) is { } outside
            ? new CoreBuckinghamLanes(outside, ff) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV> =>
        WithCoreLanes(r2, _outside.Evaluate(r2, r, rinv, rowType, ref types, ref j), rowType, ref types, ref j);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, TV laneType, ref int types, ref int j) where TV : struct, ILanes<TV> =>
        WithCoreLanes(r2, _outside.Evaluate(r2, r, rinv, rowType, laneType, ref types, ref j), rowType, ref types, ref j);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (TV Energy, TV ForceOverR) WithCoreLanes<TV>(TV r2, (TV Energy, TV ForceOverR) outside, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        var (e, f) = outside;
        // one broadcast per vector: lanes closer than the row's largest core radius are candidates, checked pair by pair out of line
        ulong candidates = TV.MaskBits(TV.LessThan(r2, TV.Create(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rowR0Squared), rowType))));
        return candidates == 0 ? (e, f) : WithCores(candidates, r2, e, f, rowType, ref types, ref j);
    }

    /// <summary>The lanes of <paramref name="candidates"/> inside their own pair's core replaced by the scalar core term, shifted as the pair says (out of line: the loop rarely gets here).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (TV Energy, TV ForceOverR) WithCores<TV>(ulong candidates, TV r2, TV e, TV f, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        Span<double> energy = stackalloc double[TV.Count], forceOverR = stackalloc double[TV.Count];
        for (int l = 0; l < TV.Count; l++)
        {
            energy[l] = e[l]; forceOverR[l] = f[l];
            if ((candidates >> l & 1) == 0) continue;
            var pair = _pairs[rowType + Unsafe.Add(ref types, Unsafe.Add(ref j, l))];
            if (pair.Style != PairStyle.CoreBuckingham || !(r2[l] < pair.Core.R0 * pair.Core.R0)) continue;
            var term = CoreBuckingham.Evaluate(r2[l], pair.Core); // r < r0 < the cut-off: inside the pair's range
            energy[l] = term.Energy - pair.EnergyShift; forceOverR[l] = term.ForceOverR;
        }
        return (TV.Create(energy), TV.Create(forceOverR));
    }
}

/// <summary>Any pair styles: each lane through its pair's scalar definition.</summary>
internal readonly struct AnyStyleLanes(CompiledForceField ff) : IShortRangeLanes
{
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, TV laneType, ref int types, ref int j) where TV : struct, ILanes<TV> =>
        Evaluate(r2, r, rinv, rowType, ref types, ref j);

    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        Span<double> energy = stackalloc double[TV.Count], forceOverR = stackalloc double[TV.Count];
        for (int l = 0; l < TV.Count; l++)
        {
            var term = ff.Pairs[rowType + Unsafe.Add(ref types, Unsafe.Add(ref j, l))].Evaluate(r2[l]);
            energy[l] = term.Energy; forceOverR[l] = term.ForceOverR;
        }
        return (TV.Create(energy), TV.Create(forceOverR));
    }
}

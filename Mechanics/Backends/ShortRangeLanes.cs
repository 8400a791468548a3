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
}

/// <summary>
/// Every type pair Buckingham, core-corrected Buckingham (Du/Teter) or none (zero coefficients, zero cut-off): the vector
/// body of <see cref="Buckingham"/>. A core-corrected pair runs the Buckingham body too; the lanes inside its core radius r0
/// (rare: closer than any bond, reached only in hot melts) are then replaced by <see cref="CoreBuckingham.Evaluate"/>, so the
/// loop keeps its vector speed and the core stays exact.
/// </summary>
internal readonly struct BuckinghamLanes : IShortRangeLanes
{
    private readonly double[] _a, _invRho, _c, _d, _cut2, _shift, _r0Squared;
    private readonly CoreBuckinghamParameters[] _core;
    private readonly bool _anyCore;

    private BuckinghamLanes(int pairs, bool anyCore)
    {
        _a = new double[pairs]; _invRho = new double[pairs]; _c = new double[pairs]; _d = new double[pairs]; _cut2 = new double[pairs]; _shift = new double[pairs];
        _r0Squared = new double[pairs]; _core = new CoreBuckinghamParameters[pairs];
        _anyCore = anyCore;
    }

    /// <summary>The per-type-pair coefficients (A eV, 1/ρ 1/Å, C eV·Å⁶, D eV·Å²⁴, r_c² Å², shift eV, core r0² Å²), or null when some pair has another style.</summary>
    public static BuckinghamLanes? TryCreate(CompiledForceField ff)
    {
        if (ff.Pairs.Any(e => e.Style is not (PairStyle.None or PairStyle.Buckingham or PairStyle.CoreBuckingham))) return null;
        var lanes = new BuckinghamLanes(ff.Pairs.Length, ff.Pairs.Any(e => e.Style == PairStyle.CoreBuckingham && e.Core.R0 > 0));
        for (int p = 0; p < ff.Pairs.Length; p++)
        {
            var e = ff.Pairs[p];
            if (e.Style == PairStyle.None) continue;
            lanes._cut2[p] = e.CutoffSquared;
            lanes._shift[p] = e.EnergyShift;
            if (e.Style == PairStyle.Buckingham)
            {
                lanes._a[p] = e.Buckingham.A; lanes._invRho[p] = 1.0 / e.Buckingham.Rho; lanes._c[p] = e.Buckingham.C; lanes._d[p] = e.Buckingham.D;
            }
            else
            {
                var k = e.Core;
                lanes._a[p] = k.A; lanes._invRho[p] = 1.0 / k.Rho; lanes._c[p] = k.C;
                lanes._r0Squared[p] = k.R0 * k.R0;
                lanes._core[p] = k;
            }
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
        if (_anyCore)
        {
            var r0Squared = oneType ? TV.Create(At(_r0Squared, rowType + t0)) : Lanes<TV>(_r0Squared, rowType, ref types, ref j);
            ulong inCore = TV.MaskBits(TV.LessThan(r2, r0Squared));
            if (inCore != 0) (e, f) = WithCores(inCore, r2, e, f, rowType, ref types, ref j);
        }
        e -= shift;
        return (TV.ConditionalSelect(mask, e, TV.Zero), TV.ConditionalSelect(mask, f, TV.Zero));
    }

    /// <summary>The lanes of <paramref name="inCore"/> replaced by the scalar core-corrected term (out of line: the loop rarely gets here).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (TV Energy, TV ForceOverR) WithCores<TV>(ulong inCore, TV r2, TV e, TV f, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV>
    {
        Span<double> energy = stackalloc double[TV.Count], forceOverR = stackalloc double[TV.Count];
        for (int l = 0; l < TV.Count; l++)
        {
            energy[l] = e[l]; forceOverR[l] = f[l];
            if ((inCore >> l & 1) == 0) continue;
            var term = CoreBuckingham.Evaluate(r2[l], _core[rowType + Unsafe.Add(ref types, Unsafe.Add(ref j, l))]);
            energy[l] = term.Energy; forceOverR[l] = term.ForceOverR;
        }
        return (TV.Create(energy), TV.Create(forceOverR));
    }

    /// <summary>table[p] without a bounds check: p is a type-pair index of the compiled force field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double At(double[] table, int p) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Lanes<TV>(double[] table, int rowType, ref int types, ref int j) where TV : struct, ILanes<TV> =>
        TV.GatherIndirect(ref MemoryMarshal.GetArrayDataReference(table), rowType, ref types, ref j);
}

/// <summary>Any pair styles: each lane through its pair's scalar definition.</summary>
internal readonly struct AnyStyleLanes(CompiledForceField ff) : IShortRangeLanes
{
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

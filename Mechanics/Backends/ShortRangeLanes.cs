using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The short-range pair term of the vector kernel as a type parameter of <see cref="SimdBackend"/>'s pair loop, so
/// a force field with only Buckingham pairs runs a loop with no call in it (a call inside the loop makes the JIT keep
/// every vector in memory, since all vector registers are caller-saved).
/// </summary>
internal interface IShortRangeLanes
{
    /// <summary>Energy (eV, shifted as the pair's definition says) and F/r (eV/Å²) of four pairs of type-pair indices p0..p3; zero beyond each pair's cut-off.</summary>
    (Vector256<double> Energy, Vector256<double> ForceOverR) Evaluate(Vector256<double> r2, Vector256<double> r, Vector256<double> rinv, int p0, int p1, int p2, int p3);
}

/// <summary>Every type pair Buckingham (or none: zero coefficients, zero cut-off): the vector body of <see cref="Buckingham"/>.</summary>
internal readonly struct BuckinghamLanes : IShortRangeLanes
{
    private readonly double[] _a, _invRho, _c, _d, _cut2, _shift;

    private BuckinghamLanes(int pairs)
    {
        _a = new double[pairs]; _invRho = new double[pairs]; _c = new double[pairs]; _d = new double[pairs]; _cut2 = new double[pairs]; _shift = new double[pairs];
    }

    /// <summary>The per-type-pair coefficients (A eV, 1/ρ 1/Å, C eV·Å⁶, D eV·Å²⁴, r_c² Å², shift eV), or null when some pair has another style.</summary>
    public static BuckinghamLanes? TryCreate(CompiledForceField ff)
    {
        var lanes = new BuckinghamLanes(ff.Pairs.Length);
        for (int p = 0; p < ff.Pairs.Length; p++)
        {
            var e = ff.Pairs[p];
            if (e.Style == PairStyle.None) continue;
            if (e.Style != PairStyle.Buckingham) return null;
            lanes._cut2[p] = e.CutoffSquared;
            lanes._shift[p] = e.EnergyShift;
            lanes._a[p] = e.Buckingham.A; lanes._invRho[p] = 1.0 / e.Buckingham.Rho; lanes._c[p] = e.Buckingham.C; lanes._d[p] = e.Buckingham.D;
        }
        return lanes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector256<double> Energy, Vector256<double> ForceOverR) Evaluate(Vector256<double> r2, Vector256<double> r, Vector256<double> rinv, int p0, int p1, int p2, int p3)
    {
        Vector256<double> cut2, a, invRho, c, d, shift;
        if (p0 == p1 && p0 == p2 && p0 == p3)
        {
            // Rows are grouped by neighbor type: one type pair in all four lanes is the common case; its coefficients broadcast.
            cut2 = Vector256.Create(At(_cut2, p0)); a = Vector256.Create(At(_a, p0)); invRho = Vector256.Create(At(_invRho, p0));
            c = Vector256.Create(At(_c, p0)); d = Vector256.Create(At(_d, p0)); shift = Vector256.Create(At(_shift, p0));
        }
        else
        {
            cut2 = Lanes(_cut2, p0, p1, p2, p3); a = Lanes(_a, p0, p1, p2, p3); invRho = Lanes(_invRho, p0, p1, p2, p3);
            c = Lanes(_c, p0, p1, p2, p3); d = Lanes(_d, p0, p1, p2, p3); shift = Lanes(_shift, p0, p1, p2, p3);
        }
        var mask = Vector256.LessThan(r2, cut2);
        var (e, f) = Buckingham.Evaluate(r2, r, rinv, a, invRho, c, d);
        e -= shift;
        return (Vector256.ConditionalSelect(mask, e, default), Vector256.ConditionalSelect(mask, f, default));
    }

    /// <summary>table[p] without a bounds check: p is a type-pair index of the compiled force field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double At(double[] table, int p) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(double[] table, int p0, int p1, int p2, int p3) =>
        Vector256.Create(At(table, p0), At(table, p1), At(table, p2), At(table, p3));
}

/// <summary>Any pair styles: each lane through its pair's scalar definition.</summary>
internal readonly struct AnyStyleLanes(CompiledForceField ff) : IShortRangeLanes
{
    public (Vector256<double> Energy, Vector256<double> ForceOverR) Evaluate(Vector256<double> r2, Vector256<double> r, Vector256<double> rinv, int p0, int p1, int p2, int p3)
    {
        var t0 = ff.Pairs[p0].Evaluate(r2[0]); var t1 = ff.Pairs[p1].Evaluate(r2[1]);
        var t2 = ff.Pairs[p2].Evaluate(r2[2]); var t3 = ff.Pairs[p3].Evaluate(r2[3]);
        return (Vector256.Create(t0.Energy, t1.Energy, t2.Energy, t3.Energy), Vector256.Create(t0.ForceOverR, t1.ForceOverR, t2.ForceOverR, t3.ForceOverR));
    }
}

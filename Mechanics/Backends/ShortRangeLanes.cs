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
    /// <summary>Energy (eV, shifted as the pair's definition says) and F/r (eV/Å²) of eight pairs of type-pair indices <paramref name="p"/>; zero beyond each pair's cut-off.</summary>
    (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector256<int> p);
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
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector256<int> p)
    {
        Vector512<double> cut2, a, invRho, c, d, shift;
        int p0 = p.ToScalar();
        if (Vector256.EqualsAll(p, Vector256.Create(p0)))
        {
            // Rows are grouped by neighbor type: one type pair in all eight lanes is the common case; its coefficients broadcast.
            cut2 = Vector512.Create(At(_cut2, p0)); a = Vector512.Create(At(_a, p0)); invRho = Vector512.Create(At(_invRho, p0));
            c = Vector512.Create(At(_c, p0)); d = Vector512.Create(At(_d, p0)); shift = Vector512.Create(At(_shift, p0));
        }
        else
        {
            cut2 = Lanes(_cut2, p); a = Lanes(_a, p); invRho = Lanes(_invRho, p); c = Lanes(_c, p); d = Lanes(_d, p); shift = Lanes(_shift, p);
        }
        var mask = Vector512.LessThan(r2, cut2);
        var (e, f) = Buckingham.Evaluate(r2, r, rinv, a, invRho, c, d);
        e -= shift;
        return (Vector512.ConditionalSelect(mask, e, default), Vector512.ConditionalSelect(mask, f, default));
    }

    /// <summary>table[p] without a bounds check: p is a type-pair index of the compiled force field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double At(double[] table, int p) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Lanes(double[] table, Vector256<int> p) => Vector512.Create(
        At(table, p[0]), At(table, p[1]), At(table, p[2]), At(table, p[3]), At(table, p[4]), At(table, p[5]), At(table, p[6]), At(table, p[7]));
}

/// <summary>Any pair styles: each lane through its pair's scalar definition.</summary>
internal readonly struct AnyStyleLanes(CompiledForceField ff) : IShortRangeLanes
{
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector256<int> p)
    {
        Span<double> energy = stackalloc double[8], forceOverR = stackalloc double[8];
        for (int l = 0; l < 8; l++)
        {
            var term = ff.Pairs[p[l]].Evaluate(r2[l]);
            energy[l] = term.Energy; forceOverR[l] = term.ForceOverR;
        }
        return (Vector512.Create(energy), Vector512.Create(forceOverR));
    }
}

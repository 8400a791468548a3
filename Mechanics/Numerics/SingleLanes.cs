using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// Eight float32 lanes (AVX2): the mixed-precision pair terms of <see cref="Backends.SimdBackend"/>, twice the lanes of
/// <see cref="Lanes256"/> in the same register. Doubles are rounded to float on the way in (loads, gathers, constants) and
/// widened back on the way out (<see cref="Block"/>, <see cref="Sum"/>, the indexer), so every sum is a double sum. No
/// register compaction: the rows are compacted in double (pass 1 of the pair loop) before they are read here.
/// </summary>
public readonly struct SingleLanes256(Vector256<float> v) : ILanes<SingleLanes256>
{
    public readonly Vector256<float> V = v;
    public static int Count => 8;
    public static bool IsSingle => true;
    public static SingleLanes256 Zero => default;
    public static SingleLanes256 One => new(Vector256<float>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 Create(double value) => new(Vector256.Create((float)value));
    public static SingleLanes256 Create(ReadOnlySpan<double> values)
    {
        Span<float> f = stackalloc float[8];
        for (int l = 0; l < 8; l++) f[l] = (float)values[l];
        return new(Vector256.Create<float>(f));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 operator +(SingleLanes256 a, SingleLanes256 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 operator -(SingleLanes256 a, SingleLanes256 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 operator *(SingleLanes256 a, SingleLanes256 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 operator /(SingleLanes256 a, SingleLanes256 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 operator -(SingleLanes256 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 Sqrt(SingleLanes256 a) => new(Vector256.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 Round(SingleLanes256 a) => new(Vector256.Round(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 FusedMultiplyAdd(SingleLanes256 a, SingleLanes256 b, SingleLanes256 c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 LessThan(SingleLanes256 a, SingleLanes256 b) => new(Vector256.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 GreaterThan(SingleLanes256 a, SingleLanes256 b) => new(Vector256.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 ConditionalSelect(SingleLanes256 mask, SingleLanes256 whenSet, SingleLanes256 otherwise) => new(Vector256.ConditionalSelect(mask.V, whenSet.V, otherwise.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong MaskBits(SingleLanes256 mask) => mask.V.ExtractMostSignificantBits();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(SingleLanes256 a)
    {
        var (lo, hi) = Vector256.Widen(a.V);
        return Vector256.Sum(lo + hi);
    }
    /// <summary>p·2^k with the float32 shifter 1.5·2²³ (<see cref="Exponential"/>'s single-precision path): k in the low mantissa bits, bias 127.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes256 ScaleByShiftedExponent(SingleLanes256 p, SingleLanes256 kd, SingleLanes256 shifter) =>
        new(p.V * Vector256.ShiftLeft(kd.V.AsInt32() - shifter.V.AsInt32() + Vector256.Create(127), 23).AsSingle());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes256 Exp(SingleLanes256 x) => Exponential.ExpSingle(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes256 Load(ref double source) =>
        new(Vector256.Narrow(Vector256.LoadUnsafe(ref source), Vector256.LoadUnsafe(ref Unsafe.Add(ref source, 4))));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes256 Gather(ref double a, ref int i) => new(Vector256.Narrow(Lanes256.Gather(ref a, ref i).V, Lanes256.Gather(ref a, ref Unsafe.Add(ref i, 4)).V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GatherRows(ref double a, ref int i, out SingleLanes256 c0, out SingleLanes256 c1, out SingleLanes256 c2, out SingleLanes256 c3)
    {
        Lanes256.GatherRows(ref a, ref i, out var l0, out var l1, out var l2, out var l3);
        Lanes256.GatherRows(ref a, ref Unsafe.Add(ref i, 4), out var u0, out var u1, out var u2, out var u3);
        c0 = new(Vector256.Narrow(l0.V, u0.V)); c1 = new(Vector256.Narrow(l1.V, u1.V));
        c2 = new(Vector256.Narrow(l2.V, u2.V)); c3 = new(Vector256.Narrow(l3.V, u3.V));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes256 GatherIndirect(ref double a, int offset, ref int map, ref int i) =>
        new(Vector256.Narrow(Lanes256.GatherIndirect(ref a, offset, ref map, ref i).V, Lanes256.GatherIndirect(ref a, offset, ref map, ref Unsafe.Add(ref i, 4)).V));
    public static bool CanCompress => false;
    public static void CompressStore(SingleLanes256 mask, SingleLanes256 value, ref double destination) =>
        throw new NotSupportedException("float32 lanes are not compacted: rows are compacted in double before the pair terms");
    public static void CompressStore(SingleLanes256 mask, ref int source, ref int destination) =>
        throw new NotSupportedException("float32 lanes are not compacted: rows are compacted in double before the pair terms");
    /// <summary>Lanes 4b … 4b + 3 widened to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Block(SingleLanes256 a, int b) => b == 0 ? Vector256.WidenLower(a.V) : Vector256.WidenUpper(a.V);
    public double this[int lane] => V.GetElement(lane);
}

/// <summary>Sixteen float32 lanes (AVX-512): as <see cref="SingleLanes256"/>, twice the lanes of <see cref="Lanes512"/>.</summary>
public readonly struct SingleLanes512(Vector512<float> v) : ILanes<SingleLanes512>
{
    public readonly Vector512<float> V = v;
    public static int Count => 16;
    public static bool IsSingle => true;
    public static SingleLanes512 Zero => default;
    public static SingleLanes512 One => new(Vector512<float>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 Create(double value) => new(Vector512.Create((float)value));
    public static SingleLanes512 Create(ReadOnlySpan<double> values)
    {
        Span<float> f = stackalloc float[16];
        for (int l = 0; l < 16; l++) f[l] = (float)values[l];
        return new(Vector512.Create<float>(f));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 operator +(SingleLanes512 a, SingleLanes512 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 operator -(SingleLanes512 a, SingleLanes512 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 operator *(SingleLanes512 a, SingleLanes512 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 operator /(SingleLanes512 a, SingleLanes512 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 operator -(SingleLanes512 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 Sqrt(SingleLanes512 a) => new(Vector512.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 Round(SingleLanes512 a) => new(Vector512.Round(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 FusedMultiplyAdd(SingleLanes512 a, SingleLanes512 b, SingleLanes512 c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 LessThan(SingleLanes512 a, SingleLanes512 b) => new(Vector512.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 GreaterThan(SingleLanes512 a, SingleLanes512 b) => new(Vector512.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 ConditionalSelect(SingleLanes512 mask, SingleLanes512 whenSet, SingleLanes512 otherwise) => new(Vector512.ConditionalSelect(mask.V, whenSet.V, otherwise.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong MaskBits(SingleLanes512 mask) => mask.V.ExtractMostSignificantBits();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(SingleLanes512 a)
    {
        var (lo, hi) = Vector512.Widen(a.V);
        return Vector512.Sum(lo + hi);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes512 ScaleByShiftedExponent(SingleLanes512 p, SingleLanes512 kd, SingleLanes512 shifter) =>
        new(p.V * Vector512.ShiftLeft(kd.V.AsInt32() - shifter.V.AsInt32() + Vector512.Create(127), 23).AsSingle());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static SingleLanes512 Exp(SingleLanes512 x) => Exponential.ExpSingle(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes512 Load(ref double source) =>
        new(Vector512.Narrow(Vector512.LoadUnsafe(ref source), Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 8))));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes512 Gather(ref double a, ref int i) => new(Vector512.Narrow(Lanes512.Gather(ref a, ref i).V, Lanes512.Gather(ref a, ref Unsafe.Add(ref i, 8)).V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GatherRows(ref double a, ref int i, out SingleLanes512 c0, out SingleLanes512 c1, out SingleLanes512 c2, out SingleLanes512 c3)
    {
        Lanes512.GatherRows(ref a, ref i, out var l0, out var l1, out var l2, out var l3);
        Lanes512.GatherRows(ref a, ref Unsafe.Add(ref i, 8), out var u0, out var u1, out var u2, out var u3);
        c0 = new(Vector512.Narrow(l0.V, u0.V)); c1 = new(Vector512.Narrow(l1.V, u1.V));
        c2 = new(Vector512.Narrow(l2.V, u2.V)); c3 = new(Vector512.Narrow(l3.V, u3.V));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SingleLanes512 GatherIndirect(ref double a, int offset, ref int map, ref int i) =>
        new(Vector512.Narrow(Lanes512.GatherIndirect(ref a, offset, ref map, ref i).V, Lanes512.GatherIndirect(ref a, offset, ref map, ref Unsafe.Add(ref i, 8)).V));
    public static bool CanCompress => false;
    public static void CompressStore(SingleLanes512 mask, SingleLanes512 value, ref double destination) =>
        throw new NotSupportedException("float32 lanes are not compacted: rows are compacted in double before the pair terms");
    public static void CompressStore(SingleLanes512 mask, ref int source, ref int destination) =>
        throw new NotSupportedException("float32 lanes are not compacted: rows are compacted in double before the pair terms");
    /// <summary>Lanes 4b … 4b + 3 widened to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Block(SingleLanes512 a, int b) => b switch
    {
        0 => Vector256.WidenLower(a.V.GetLower()),
        1 => Vector256.WidenUpper(a.V.GetLower()),
        2 => Vector256.WidenLower(a.V.GetUpper()),
        _ => Vector256.WidenUpper(a.V.GetUpper()),
    };
    public double this[int lane] => V.GetElement(lane);
}

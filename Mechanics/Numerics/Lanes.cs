using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// A vector of doubles of the width the CPU runs best, as a type parameter: the vector bodies of the pair terms
/// (e^x, erfc, Buckingham, DSF, Wolf, Ewald) and the Simd pair loop are written once against this interface and the
/// JIT compiles them for <see cref="Lanes512"/> where AVX-512 runs natively and for <see cref="Lanes256"/> elsewhere
/// (Vector512 without AVX-512 is emulated and about ten times slower). Every member forwards to one
/// System.Runtime.Intrinsics operation or a short fixed sequence of them; masks are vectors with all bits set in the
/// lanes where a comparison holds.
/// </summary>
public interface ILanes<TV> where TV : struct, ILanes<TV>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }
    /// <summary>
    /// Whether the lanes are float32 (the mixed-precision pair terms, <see cref="SingleLanes256"/>, <see cref="SingleLanes512"/>):
    /// every load rounds doubles to float, every value read out (lanes, sums, blocks) is widened back to double. A constant
    /// for the JIT, so the double kernels carry no trace of the single ones.
    /// </summary>
    static abstract bool IsSingle { get; }
    static abstract TV Zero { get; }
    static abstract TV One { get; }
    static abstract TV Create(double value);
    static abstract TV Create(ReadOnlySpan<double> values);
    static abstract TV operator +(TV a, TV b);
    static abstract TV operator -(TV a, TV b);
    static abstract TV operator *(TV a, TV b);
    static abstract TV operator /(TV a, TV b);
    static abstract TV operator -(TV a);
    static abstract TV Sqrt(TV a);
    static abstract TV Round(TV a);
    static abstract TV FusedMultiplyAdd(TV a, TV b, TV c);
    static abstract TV LessThan(TV a, TV b);
    static abstract TV GreaterThan(TV a, TV b);
    static abstract TV ConditionalSelect(TV mask, TV whenSet, TV otherwise);
    /// <summary>One bit per lane, set where the mask lane is set.</summary>
    static abstract ulong MaskBits(TV mask);
    static abstract double Sum(TV a);
    /// <summary>p·2^k per lane, k the integer that <paramref name="kd"/> = k + <paramref name="shifter"/> holds in its low mantissa bits.</summary>
    static abstract TV ScaleByShiftedExponent(TV p, TV kd, TV shifter);
    /// <summary>e^x per lane in this type's precision (<see cref="Exponential.ExpDouble"/> or <see cref="Exponential.ExpSingle"/>).</summary>
    static abstract TV Exp(TV x);
    static abstract TV Load(ref double source);
    /// <summary>a[i_l] for the lanes l, the indices read from <paramref name="indices"/>; no bounds checks.</summary>
    static abstract TV Gather(ref double a, ref int indices);
    /// <summary>
    /// Rows of four doubles a[4 i_l … 4 i_l + 3] for the lanes l, transposed: c0 holds the first double of every row, c1
    /// the second, and so on (positions and charge of an atom as one 32-byte row: one load per lane and a transpose
    /// instead of four scalar gathers). No bounds checks.
    /// </summary>
    static abstract void GatherRows(ref double a, ref int indices, out TV c0, out TV c1, out TV c2, out TV c3);
    /// <summary>a[offset + map[i_l]]: a table row picked through a map (a type-pair table through the atom types).</summary>
    static abstract TV GatherIndirect(ref double a, int offset, ref int map, ref int indices);
    /// <summary>Whether <see cref="CompressStore(TV, TV, ref double)"/> runs as one AVX-512 instruction here.</summary>
    static abstract bool CanCompress { get; }
    /// <summary>Stores the lanes set in <paramref name="mask"/>, packed in lane order, from <paramref name="destination"/> on; may write a whole vector. Needs <see cref="CanCompress"/>.</summary>
    static abstract void CompressStore(TV mask, TV value, ref double destination);
    /// <summary>The same for the Count ints at <paramref name="source"/>.</summary>
    static abstract void CompressStore(TV mask, ref int source, ref int destination);
    /// <summary>Four-lane block b (b &lt; Count/4) of the vector.</summary>
    static abstract Vector256<double> Block(TV a, int b);
    /// <summary>Lane l of the vector.</summary>
    double this[int lane] { get; }
}

/// <summary>Four doubles (AVX2).</summary>
public readonly struct Lanes256(Vector256<double> v) : ILanes<Lanes256>
{
    public readonly Vector256<double> V = v;
    public static int Count => 4;
    public static bool IsSingle => false;
    public static Lanes256 Zero => default;
    public static Lanes256 One => new(Vector256<double>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Create(double value) => new(Vector256.Create(value));
    public static Lanes256 Create(ReadOnlySpan<double> values) => new(Vector256.Create(values));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 operator +(Lanes256 a, Lanes256 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 operator -(Lanes256 a, Lanes256 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 operator *(Lanes256 a, Lanes256 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 operator /(Lanes256 a, Lanes256 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 operator -(Lanes256 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Sqrt(Lanes256 a) => new(Vector256.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Round(Lanes256 a) => new(Vector256.Round(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 FusedMultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 LessThan(Lanes256 a, Lanes256 b) => new(Vector256.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 GreaterThan(Lanes256 a, Lanes256 b) => new(Vector256.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 ConditionalSelect(Lanes256 mask, Lanes256 whenSet, Lanes256 otherwise) => new(Vector256.ConditionalSelect(mask.V, whenSet.V, otherwise.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong MaskBits(Lanes256 mask) => mask.V.ExtractMostSignificantBits();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Lanes256 a) => Vector256.Sum(a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ScaleByShiftedExponent(Lanes256 p, Lanes256 kd, Lanes256 shifter) =>
        new(p.V * Vector256.ShiftLeft(kd.V.AsInt64() - shifter.V.AsInt64() + Vector256.Create(1023L), 52).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Exp(Lanes256 x) => Exponential.ExpDouble(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Load(ref double source) => new(Vector256.LoadUnsafe(ref source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Gather(ref double a, ref int i) => new(Vector256.Create(
        Unsafe.Add(ref a, i), Unsafe.Add(ref a, Unsafe.Add(ref i, 1)), Unsafe.Add(ref a, Unsafe.Add(ref i, 2)), Unsafe.Add(ref a, Unsafe.Add(ref i, 3))));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GatherRows(ref double a, ref int i, out Lanes256 c0, out Lanes256 c1, out Lanes256 c2, out Lanes256 c3)
    {
        var r0 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 4 * (nint)i)); var r1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 4 * (nint)Unsafe.Add(ref i, 1)));
        var r2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 4 * (nint)Unsafe.Add(ref i, 2))); var r3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 4 * (nint)Unsafe.Add(ref i, 3)));
        // [a0 b0 a2 b2], [a1 b1 a3 b3], then the 128-bit halves of rows (0, 2) and (1, 3).
        var lo01 = Avx.UnpackLow(r0, r1); var hi01 = Avx.UnpackHigh(r0, r1);
        var lo23 = Avx.UnpackLow(r2, r3); var hi23 = Avx.UnpackHigh(r2, r3);
        c0 = new(Avx.Permute2x128(lo01, lo23, 0x20)); c2 = new(Avx.Permute2x128(lo01, lo23, 0x31));
        c1 = new(Avx.Permute2x128(hi01, hi23, 0x20)); c3 = new(Avx.Permute2x128(hi01, hi23, 0x31));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GatherIndirect(ref double a, int offset, ref int map, ref int i) => new(Vector256.Create(
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, i)), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 1))),
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 2))), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 3)))));
    /// <summary>Register compaction: AVX-512's vcompresspd, or on AVX2-only CPUs (Zen 3, Haswell-Skylake) a vpermd by a 16-entry table of the lane mask.</summary>
    public static bool CanCompress => Avx512F.VL.IsSupported || Avx2.IsSupported;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CompressStore(Lanes256 mask, Lanes256 value, ref double destination)
    {
        if (Avx512F.VL.IsSupported) { Avx512F.VL.Compress(default, mask.V, value.V).StoreUnsafe(ref destination); return; }
        // the kept lanes moved to the front as 32-bit halves (2l, 2l + 1); the lanes after them are don't-care (the store may overrun)
        var index = Vector256.LoadUnsafe(ref PackDoubles[8 * (int)mask.V.ExtractMostSignificantBits()]);
        Avx2.PermuteVar8x32(value.V.AsInt32(), index).AsDouble().StoreUnsafe(ref destination);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CompressStore(Lanes256 mask, ref int source, ref int destination) // the 64-bit lane mask narrowed to 32
    {
        if (Avx512F.VL.IsSupported)
        {
            Avx512F.VL.Compress(default, Avx512F.VL.ConvertToVector128Int32(mask.V.AsInt64()), Vector128.LoadUnsafe(ref source)).StoreUnsafe(ref destination);
            return;
        }
        var index = Vector128.LoadUnsafe(ref PackInts[4 * (int)mask.V.ExtractMostSignificantBits()]);
        Avx.PermuteVar(Vector128.LoadUnsafe(ref source).AsSingle(), index).AsInt32().StoreUnsafe(ref destination);
    }

    /// <summary>Per 4-bit lane mask: the 32-bit source indices that pack the kept double lanes to the front (8 per mask).</summary>
    private static readonly int[] PackDoubles = BuildPack(2);
    /// <summary>Per 4-bit lane mask: the 32-bit source indices that pack the kept int lanes to the front (4 per mask).</summary>
    private static readonly int[] PackInts = BuildPack(1);

    private static int[] BuildPack(int halves)
    {
        var t = new int[16 * 4 * halves];
        for (int m = 0; m < 16; m++)
        {
            int p = 0;
            for (int l = 0; l < 4; l++)
                if (((m >> l) & 1) != 0) { for (int h = 0; h < halves; h++) t[(m * 4 + p) * halves + h] = l * halves + h; p++; }
        }
        return t;
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Block(Lanes256 a, int b) => a.V;
    public double this[int lane] => V.GetElement(lane);
}

/// <summary>Eight doubles (AVX-512).</summary>
public readonly struct Lanes512(Vector512<double> v) : ILanes<Lanes512>
{
    public readonly Vector512<double> V = v;
    public static int Count => 8;
    public static bool IsSingle => false;
    public static Lanes512 Zero => default;
    public static Lanes512 One => new(Vector512<double>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Create(double value) => new(Vector512.Create(value));
    public static Lanes512 Create(ReadOnlySpan<double> values) => new(Vector512.Create(values));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 operator +(Lanes512 a, Lanes512 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 operator -(Lanes512 a, Lanes512 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 operator *(Lanes512 a, Lanes512 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 operator /(Lanes512 a, Lanes512 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 operator -(Lanes512 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Sqrt(Lanes512 a) => new(Vector512.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Round(Lanes512 a) => new(Vector512.Round(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 FusedMultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 LessThan(Lanes512 a, Lanes512 b) => new(Vector512.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 GreaterThan(Lanes512 a, Lanes512 b) => new(Vector512.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 ConditionalSelect(Lanes512 mask, Lanes512 whenSet, Lanes512 otherwise) => new(Vector512.ConditionalSelect(mask.V, whenSet.V, otherwise.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong MaskBits(Lanes512 mask) => mask.V.ExtractMostSignificantBits();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Lanes512 a) => Vector512.Sum(a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ScaleByShiftedExponent(Lanes512 p, Lanes512 kd, Lanes512 shifter) =>
        new(p.V * Vector512.ShiftLeft(kd.V.AsInt64() - shifter.V.AsInt64() + Vector512.Create(1023L), 52).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Exp(Lanes512 x) => Exponential.ExpDouble(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Load(ref double source) => new(Vector512.LoadUnsafe(ref source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Gather(ref double a, ref int i) => new(Vector512.Create(
        Unsafe.Add(ref a, i), Unsafe.Add(ref a, Unsafe.Add(ref i, 1)), Unsafe.Add(ref a, Unsafe.Add(ref i, 2)), Unsafe.Add(ref a, Unsafe.Add(ref i, 3)),
        Unsafe.Add(ref a, Unsafe.Add(ref i, 4)), Unsafe.Add(ref a, Unsafe.Add(ref i, 5)), Unsafe.Add(ref a, Unsafe.Add(ref i, 6)), Unsafe.Add(ref a, Unsafe.Add(ref i, 7))));

    /// <summary>Eight 32-byte row loads, paired into four 64-byte vectors, then two unpacks and a two-source permute per output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GatherRows(ref double a, ref int i, out Lanes512 c0, out Lanes512 c1, out Lanes512 c2, out Lanes512 c3)
    {
        if (!Avx512F.IsSupported)
        {
            // no AVX-512 (Zen 3, AVX2-only Intel): Vector512 runs as two 256-bit halves, so gather each half as Lanes256 does
            Lanes256.GatherRows(ref a, ref i, out var l0, out var l1, out var l2, out var l3);
            Lanes256.GatherRows(ref a, ref Unsafe.Add(ref i, 4), out var u0, out var u1, out var u2, out var u3);
            c0 = new(Vector512.Create(l0.V, u0.V)); c1 = new(Vector512.Create(l1.V, u1.V));
            c2 = new(Vector512.Create(l2.V, u2.V)); c3 = new(Vector512.Create(l3.V, u3.V));
            return;
        }
        // Rows l and l + 4 in the two halves: A_l = [row l | row l+4].
        var a0 = Vector512.Create(Row(ref a, ref i, 0), Row(ref a, ref i, 4)); var a1 = Vector512.Create(Row(ref a, ref i, 1), Row(ref a, ref i, 5));
        var a2 = Vector512.Create(Row(ref a, ref i, 2), Row(ref a, ref i, 6)); var a3 = Vector512.Create(Row(ref a, ref i, 3), Row(ref a, ref i, 7));
        // [c0 of rows 0 1, c2 of rows 0 1 | the same of rows 4 5], [c1, c3 likewise], and for rows 2 3 | 6 7.
        var e01 = Avx512F.UnpackLow(a0, a1); var d01 = Avx512F.UnpackHigh(a0, a1);
        var e23 = Avx512F.UnpackLow(a2, a3); var d23 = Avx512F.UnpackHigh(a2, a3);
        var first = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        var second = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        c0 = new(Avx512F.PermuteVar8x64x2(e01, first, e23)); c2 = new(Avx512F.PermuteVar8x64x2(e01, second, e23));
        c1 = new(Avx512F.PermuteVar8x64x2(d01, first, d23)); c3 = new(Avx512F.PermuteVar8x64x2(d01, second, d23));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row(ref double a, ref int i, int lane) => Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 4 * (nint)Unsafe.Add(ref i, lane)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GatherIndirect(ref double a, int offset, ref int map, ref int i) => new(Vector512.Create(
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, i)), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 1))),
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 2))), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 3))),
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 4))), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 5))),
        Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 6))), Unsafe.Add(ref a, offset + Unsafe.Add(ref map, Unsafe.Add(ref i, 7)))));
    public static bool CanCompress => Avx512F.IsSupported;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CompressStore(Lanes512 mask, Lanes512 value, ref double destination) => Avx512F.Compress(default, mask.V, value.V).StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CompressStore(Lanes512 mask, ref int source, ref int destination) => // the 64-bit lane mask narrowed to 32
        Avx512F.VL.Compress(default, Avx512F.ConvertToVector256Int32(mask.V.AsInt64()), Vector256.LoadUnsafe(ref source)).StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Block(Lanes512 a, int b) => b == 0 ? a.V.GetLower() : a.V.GetUpper();
    public double this[int lane] => V.GetElement(lane);
}

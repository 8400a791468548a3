using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Every vector body of a pair term against its scalar body, lane by lane, at both widths (as .NET's TensorPrimitives tests
/// compare each vectorized path with the scalar loop): random separations over the whole cut-off range and random parameters.
/// The bodies are the same formulas but not always the same operations (Buckingham multiplies by 1/ρ where the scalar divides
/// by ρ), so they agree to a few units in the last place, not bit for bit: the bound is 1e-13 relative (the e^(−r/ρ) of a
/// 1-ulp different argument r/ρ ≤ 50 differs by ≤ 50 ulp ≈ 1e-14).
/// </summary>
public class VectorBodyTests
{
    private const double Relative = 1e-13;

    /// <param name="scale">the size of the terms the value is a sum of (a difference of large terms is only as exact as they are).</param>
    private static void Close(double scalar, double vector, string what, double scale = 0)
    {
        scale = Math.Max(Math.Max(Math.Abs(scalar), scale), 1e-300);
        Assert.True(Math.Abs(vector - scalar) <= Relative * scale, $"{what}: scalar {scalar:R}, vector {vector:R}");
    }

    private static (double[] E, double[] F) Lanes256Of(Func<Lanes256, Lanes256, Lanes256, (Lanes256, Lanes256)> body, double[] r)
    {
        var e = new double[r.Length]; var f = new double[r.Length];
        for (int k = 0; k + 4 <= r.Length; k += 4)
        {
            var rv = Lanes256.Create(r.AsSpan(k, 4));
            var (ev, fv) = body(rv * rv, rv, Lanes256.One / rv);
            for (int l = 0; l < 4; l++) { e[k + l] = ev.V.GetElement(l); f[k + l] = fv.V.GetElement(l); }
        }
        return (e, f);
    }

    private static (double[] E, double[] F) Lanes512Of(Func<Lanes512, Lanes512, Lanes512, (Lanes512, Lanes512)> body, double[] r)
    {
        var e = new double[r.Length]; var f = new double[r.Length];
        for (int k = 0; k + 8 <= r.Length; k += 8)
        {
            var rv = Lanes512.Create(r.AsSpan(k, 8));
            var (ev, fv) = body(rv * rv, rv, Lanes512.One / rv);
            for (int l = 0; l < 8; l++) { e[k + l] = ev.V.GetElement(l); f[k + l] = fv.V.GetElement(l); }
        }
        return (e, f);
    }

    private static double[] Separations(Random rng, double lo, double hi) => Enumerable.Range(0, 64).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Buckingham_VectorBody_MatchesTheScalarBody(int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 8; trial++)
        {
            var p = new BuckinghamParameters(100 + 20000 * rng.NextDouble(), 0.15 + 0.25 * rng.NextDouble(), 200 * rng.NextDouble(), trial % 2 == 0 ? 0 : 100 * rng.NextDouble());
            var r = Separations(rng, 1.0, 10.0);
            var v4 = Lanes256Of((r2, rr, ri) => Buckingham.Evaluate(r2, rr, ri, Lanes256.Create(p.A), Lanes256.Create(1 / p.Rho), Lanes256.Create(p.C), Lanes256.Create(p.D)), r);
            var v8 = Lanes512Of((r2, rr, ri) => Buckingham.Evaluate(r2, rr, ri, Lanes512.Create(p.A), Lanes512.Create(1 / p.Rho), Lanes512.Create(p.C), Lanes512.Create(p.D)), r);
            for (int i = 0; i < r.Length; i++)
            {
                var s = Buckingham.Evaluate(r[i] * r[i], r[i], 1 / r[i], p);
                double rep = p.A * Math.Exp(-r[i] / p.Rho), disp = p.C / Math.Pow(r[i], 6), wall = p.D / Math.Pow(r[i], 24);
                double eScale = rep + disp + wall, fScale = (rep * r[i] / p.Rho + 6 * disp + 24 * wall) / (r[i] * r[i]);
                Close(s.Energy, v4.E[i], $"Buckingham U, 4 lanes, r = {r[i]}", eScale); Close(s.ForceOverR, v4.F[i], $"Buckingham F/r, 4 lanes, r = {r[i]}", fScale);
                Close(s.Energy, v8.E[i], $"Buckingham U, 8 lanes, r = {r[i]}", eScale); Close(s.ForceOverR, v8.F[i], $"Buckingham F/r, 8 lanes, r = {r[i]}", fScale);
            }
        }
    }

    [Theory]
    [InlineData(ErfcFlavor.Exact)]
    [InlineData(ErfcFlavor.AbramowitzStegun)]
    public void CoulombVectorBodies_MatchTheirScalarBodies_InsideAndBeyondTheCutoff(ErfcFlavor erfc)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 6; trial++)
        {
            double alpha = 0.15 + 0.2 * rng.NextDouble(), rc = 8 + 4 * rng.NextDouble(), qq = -6 + 12 * rng.NextDouble();
            var r = Separations(rng, 0.9, rc + 1);   // some lanes beyond the cut-off, which give zero
            var dsf = DampedShiftedForceParameters.Create(alpha, rc, erfc);
            var wolf = WolfParameters.Create(alpha, rc, erfc);
            var ewald = new EwaldRealSpaceParameters(alpha, rc, rc * rc, erfc);
            var cases = new (string Name, Func<double, PairTerm> Scalar, Func<Lanes256, Lanes256, Lanes256, (Lanes256, Lanes256)> V4, Func<Lanes512, Lanes512, Lanes512, (Lanes512, Lanes512)> V8)[]
            {
                ("DSF", x => DampedShiftedForce.Evaluate(x * x, x, 1 / x, dsf, qq),
                    (a, b, c) => DampedShiftedForceVector.Evaluate(a, b, c, dsf, Lanes256.Create(qq)), (a, b, c) => DampedShiftedForceVector.Evaluate(a, b, c, dsf, Lanes512.Create(qq))),
                ("Wolf", x => WolfSummation.Evaluate(x * x, x, 1 / x, wolf, qq),
                    (a, b, c) => WolfSummationVector.Evaluate(a, b, c, wolf, Lanes256.Create(qq)), (a, b, c) => WolfSummationVector.Evaluate(a, b, c, wolf, Lanes512.Create(qq))),
                ("Ewald real space", x => EwaldRealSpace.Evaluate(x * x, x, 1 / x, ewald, qq),
                    (a, b, c) => EwaldRealSpaceVector.Evaluate(a, b, c, ewald, Lanes256.Create(qq)), (a, b, c) => EwaldRealSpaceVector.Evaluate(a, b, c, ewald, Lanes512.Create(qq))),
            };
            foreach (var (name, scalar, v4f, v8f) in cases)
            {
                var v4 = Lanes256Of(v4f, r);
                var v8 = Lanes512Of(v8f, r);
                for (int i = 0; i < r.Length; i++)
                {
                    var s = scalar(r[i]);
                    foreach (var (e, f, w) in new[] { (v4.E[i], v4.F[i], 4), (v8.E[i], v8.F[i], 8) })
                    {
                        if (r[i] >= rc) { Assert.Equal(0.0, e); Assert.Equal(0.0, f); continue; }
                        Close(s.Energy, e, $"{name} {erfc} U, {w} lanes, r = {r[i]}, rc = {rc}");
                        Close(s.ForceOverR, f, $"{name} {erfc} F/r, {w} lanes, r = {r[i]}, rc = {rc}");
                    }
                }
            }
        }
    }
}

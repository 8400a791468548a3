using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Coulomb;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The Coulomb pair term of the vector kernel as a type parameter: <see cref="SimdBackend"/>'s pair loop is compiled
/// once per method, with no method switch and no dead branches in it. Each implementation only forwards to the one
/// vector definition of its method.
/// </summary>
internal interface ICoulombLanes
{
    /// <summary>False for <see cref="CoulombMethod.None"/>: the loop then skips the charges.</summary>
    bool Active { get; }

    /// <summary>Energy (eV) and F/r (eV/Å²) of eight pairs with charge products <paramref name="qiqj"/> (e²).</summary>
    (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector512<double> qiqj);
}

internal readonly struct NoCoulombLanes : ICoulombLanes
{
    public bool Active => false;
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector512<double> qiqj) => default;
}

internal readonly struct DsfLanes(DampedShiftedForceParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector512<double> qiqj) =>
        DampedShiftedForceVector.Evaluate(r2, r, rinv, p, qiqj);
}

internal readonly struct WolfLanes(WolfParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector512<double> qiqj) =>
        WolfSummationVector.Evaluate(r2, r, rinv, p, qiqj);
}

internal readonly struct EwaldRealSpaceLanes(EwaldRealSpaceParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector512<double> Energy, Vector512<double> ForceOverR) Evaluate(Vector512<double> r2, Vector512<double> r, Vector512<double> rinv, Vector512<double> qiqj) =>
        EwaldRealSpaceVector.Evaluate(r2, r, rinv, p, qiqj);
}

using System.Runtime.CompilerServices;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Numerics;

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
    (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, TV qiqj) where TV : struct, ILanes<TV>;
}

internal readonly struct NoCoulombLanes : ICoulombLanes
{
    public bool Active => false;
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, TV qiqj) where TV : struct, ILanes<TV> => default;
}

internal readonly struct DsfLanes(DampedShiftedForceParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, TV qiqj) where TV : struct, ILanes<TV> =>
        DampedShiftedForceVector.Evaluate(r2, r, rinv, p, qiqj);
}

internal readonly struct WolfLanes(WolfParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, TV qiqj) where TV : struct, ILanes<TV> =>
        WolfSummationVector.Evaluate(r2, r, rinv, p, qiqj);
}

internal readonly struct EwaldRealSpaceLanes(EwaldRealSpaceParameters p) : ICoulombLanes
{
    public bool Active => true;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV Energy, TV ForceOverR) Evaluate<TV>(TV r2, TV r, TV rinv, TV qiqj) where TV : struct, ILanes<TV> =>
        EwaldRealSpaceVector.Evaluate(r2, r, rinv, p, qiqj);
}

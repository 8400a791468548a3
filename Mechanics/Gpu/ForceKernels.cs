using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Potentials;
using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// The one pair kernel of the Gpu back end: a thread per atom walks its full neighbor list and calls the same scalar
/// definitions as the Reference back end (<see cref="ShortRangePair.Evaluate"/>, <see cref="CoulombPair.Evaluate"/>), so
/// there is no per-potential device code. Each atom writes only its own force, half of each pair energy and half of
/// each pair virial (LAMMPS compute stress/atom convention): no atomics, deterministic. Per-atom outputs are laid out
/// q·n + i for q = short-range energy, Coulomb energy (eV), virial xx, yy, zz, xy, xz, yz (eV).
/// </summary>
public static class ForceKernels
{
    public const int PerAtomQuantities = 8;

    /// <summary>float32 copies of the positions for the mixed-precision pair kernel.</summary>
    public static void ToSingle(Index1D i, AtomViews a, ArrayView<float> x, ArrayView<float> y, ArrayView<float> z)
    {
        x[i] = (float)a.X[i]; y[i] = (float)a.Y[i]; z[i] = (float)a.Z[i];
    }

    public static void Pairs<TPositions>(Index1D i, AtomViews a, NeighborViews nl, DeviceBox b, ArrayView<ShortRangePair> pairs, int typeCount, CoulombPair coulomb,
        ArrayView<double> perAtom, TPositions position) where TPositions : struct, IPositions
    {
        int n = a.X.IntLength;
        double xi = position.X(i), yi = position.Y(i), zi = position.Z(i), qi = a.Charge[i];
        int row = a.Type[i] * typeCount;
        double coulombCut2 = coulomb.CutoffSquared;
        double fx = 0, fy = 0, fz = 0, eShort = 0, eCoulomb = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        int count = nl.Count[i] < nl.Stride ? nl.Count[i] : nl.Stride;
        for (int k = 0; k < count; k++)
        {
            long o = nl.Offset(i, k);
            int j = nl.Neighbor[o];
            b.Shift(nl.Code[o], out double sx, out double sy, out double sz);
            double dx = xi - (position.X(j) + sx), dy = yi - (position.Y(j) + sy), dz = zi - (position.Z(j) + sz);
            double r2 = dx * dx + dy * dy + dz * dz;
            var shortRange = pairs[row + a.Type[j]].Evaluate(r2);
            var pairCoulomb = r2 < coulombCut2 ? coulomb.Evaluate(r2, qi * a.Charge[j]) : default;
            double fr = shortRange.ForceOverR + pairCoulomb.ForceOverR;
            eShort += shortRange.Energy;
            eCoulomb += pairCoulomb.Energy;
            double px = dx * fr, py = dy * fr, pz = dz * fr;
            fx += px; fy += py; fz += pz;
            vxx += dx * px; vyy += dy * py; vzz += dz * pz; vxy += dx * py; vxz += dx * pz; vyz += dy * pz;
        }
        a.Fx[i] = fx; a.Fy[i] = fy; a.Fz[i] = fz;
        perAtom[i] = 0.5 * eShort; perAtom[n + i] = 0.5 * eCoulomb;
        perAtom[2 * n + i] = 0.5 * vxx; perAtom[3 * n + i] = 0.5 * vyy; perAtom[4 * n + i] = 0.5 * vzz;
        perAtom[5 * n + i] = 0.5 * vxy; perAtom[6 * n + i] = 0.5 * vxz; perAtom[7 * n + i] = 0.5 * vyz;
    }
}

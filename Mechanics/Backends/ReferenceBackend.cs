using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The truth: plain double-precision loops calling each potential's scalar definition. Every other
/// back end is tested against it.
/// </summary>
public sealed class ReferenceBackend : IPairBackend
{
    public string Name => "reference";

    public void ComputePairs(AtomSystem s, NeighborList list, CompiledForceField ff, ForceResult result, bool perAtomVirial)
    {
        int n = s.Count;
        Array.Clear(s.Fx); Array.Clear(s.Fy); Array.Clear(s.Fz);
        double[]? pav = perAtomVirial ? new double[6 * n] : null;
        double[]? pae = perAtomVirial ? new double[n] : null;
        var start = list.Start;
        var nb = list.Neighbors;
        var sh = list.Shifts;
        var order = list.Order;
        double[] sx = list.ShiftX, sy = list.ShiftY, sz = list.ShiftZ;
        double coulCut2 = ff.Coulomb.CutoffSquared;
        double eShort = 0, eCoul = 0;
        var w = result.Virial;
        for (int p = 0; p < n; p++)
        {
            int i = order[p];
            double xi = s.X[i], yi = s.Y[i], zi = s.Z[i], qi = s.Charge[i];
            int ti = s.Type[i];
            for (int k = start[p]; k < start[p + 1]; k++)
            {
                int j = order[nb[k]], c = sh[k];
                double dx = xi - (s.X[j] + sx[c]), dy = yi - (s.Y[j] + sy[c]), dz = zi - (s.Z[j] + sz[c]);
                double r2 = dx * dx + dy * dy + dz * dz;
                var shortRange = ff.Pair(ti, s.Type[j]).Evaluate(r2);
                var coulomb = r2 < coulCut2 ? ff.Coulomb.Evaluate(r2, qi * s.Charge[j]) : default;
                double fr = shortRange.ForceOverR + coulomb.ForceOverR;
                eShort += shortRange.Energy;
                eCoul += coulomb.Energy;
                if (pae is not null)
                {
                    // LAMMPS compute pe/atom: half the pair energy to each atom
                    double half = 0.5 * (shortRange.Energy + coulomb.Energy);
                    pae[i] += half;
                    pae[j] += half;
                }
                if (fr == 0) continue;
                double fx = dx * fr, fy = dy * fr, fz = dz * fr;
                s.Fx[i] += fx; s.Fy[i] += fy; s.Fz[i] += fz;
                s.Fx[j] -= fx; s.Fy[j] -= fy; s.Fz[j] -= fz;
                double vxx = dx * fx, vyy = dy * fy, vzz = dz * fz, vxy = dx * fy, vxz = dx * fz, vyz = dy * fz;
                w[0] += vxx; w[1] += vyy; w[2] += vzz; w[3] += vxy; w[4] += vxz; w[5] += vyz;
                if (pav is not null)
                {
                    // LAMMPS compute stress/atom: each atom of the pair takes half the pair virial.
                    AddHalf(pav, i, vxx, vyy, vzz, vxy, vxz, vyz);
                    AddHalf(pav, j, vxx, vyy, vzz, vxy, vxz, vyz);
                }
            }
        }
        result.ShortRangeEnergy += eShort;
        result.CoulombPairEnergy += eCoul;
        result.PerAtomVirial = pav;
        result.PerAtomEnergy = pae;
    }

    private static void AddHalf(double[] pav, int i, double xx, double yy, double zz, double xy, double xz, double yz)
    {
        int o = 6 * i;
        pav[o] += 0.5 * xx; pav[o + 1] += 0.5 * yy; pav[o + 2] += 0.5 * zz;
        pav[o + 3] += 0.5 * xy; pav[o + 4] += 0.5 * xz; pav[o + 5] += 0.5 * yz;
    }
}

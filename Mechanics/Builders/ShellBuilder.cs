using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Mechanics.Builders;

/// <summary>
/// Adds the shells of a core-shell force field to a rigid-ion structure: every atom of a polarizable species gets a shell
/// particle (species core + "_s") displaced from it by <paramref name="displacementA"/> in a random direction (a shell exactly
/// on its core would put the removed Coulomb pair at r = 0), the shell's mass taken from the ion's so the ion keeps its
/// mass (LAMMPS Howto coreshell). Charges are the force field's, set when it is bound.
/// </summary>
public static class ShellBuilder
{
    /// <summary>Distance (Å) of a new shell from its core unless told otherwise (add-shells' --displacement).</summary>
    public const double DefaultDisplacementA = 0.02;

    /// <summary>
    /// The core of each shell <see cref="AddShells"/> appends to <paramref name="s"/>, in order (the polarizable atoms in index
    /// order): shell k of the shelled system is atom s.Count + k, and its core keeps its index.
    /// </summary>
    public static int[] CoresOfAddedShells(AtomSystem s, ForceField ff)
    {
        var cores = ff.Shells.Select(d => d.Core).ToHashSet();
        return [.. Enumerable.Range(0, s.Count).Where(i => cores.Contains(s.TypeElements[s.Type[i]]))];
    }

    /// <summary>
    /// An MD timestep (ps) for the shells of <paramref name="ff"/>: a sixteenth of the fastest core-shell period
    /// 2π√(m_s/k) (the shell's mass for the pair's reduced mass, a small overestimate of its speed), at most 1 fs. For the
    /// BKS shell test model (0.2 amu, 74.92 eV/Å²) the period is 3.3 fs and the step 0.2 fs, where NVE drift is small (README).
    /// </summary>
    public static double TimestepPs(ForceField ff, double rigidPs = 0.001)
    {
        double step = rigidPs;
        foreach (var d in ff.Shells)
        {
            double period = 2 * Math.PI * Math.Sqrt(d.ShellMassAmu * Units.MetalUnits.MvvToEv / d.SpringEvPerA2); // m (amu) · MvvToEv / k (eV/Å²) = ps²
            step = Math.Min(step, period / 16);
        }
        return step;
    }

    public static AtomSystem AddShells(AtomSystem s, ForceField ff, double displacementA = DefaultDisplacementA, int seed = 1)
    {
        if (ff.Shells.Count == 0) throw new InputException($"{ff.Source}: the force field has no [[shells]]; it is a rigid-ion model");
        if (!(displacementA > 0 && displacementA < 0.5)) throw new InputException($"shell displacement {displacementA} Å: must lie in (0, 0.5)");
        if (s.TypeElements.Any(Elements.ElementTable.IsShell)) throw new InputException("the structure already holds shells");
        var byCore = ff.Shells.ToDictionary(d => d.Core);
        var types = s.TypeElements.ToList();
        var masses = s.TypeMasses.ToList();
        foreach (var d in ff.Shells.Where(d => types.Contains(d.Core)))
        {
            int t = types.IndexOf(d.Core);
            if (masses[t] <= d.ShellMassAmu) throw new InputException($"{d.Core}: the shell mass {d.ShellMassAmu} amu is not below the ion's {masses[t]} amu");
            masses[t] -= d.ShellMassAmu;
            types.Add(d.Shell);
            masses.Add(d.ShellMassAmu);
        }
        int shells = Enumerable.Range(0, s.Count).Count(i => byCore.ContainsKey(s.TypeElements[s.Type[i]]));
        if (shells == 0) throw new InputException($"the structure has none of the force field's polarizable species ({string.Join(", ", byCore.Keys)})");
        var r = new AtomSystem(s.Count + shells, [.. types], [.. masses], s.Box.Clone());
        var rng = new Random(seed);
        int next = s.Count, maxId = s.Id.Max();
        for (int i = 0; i < s.Count; i++)
        {
            r.X[i] = s.X[i]; r.Y[i] = s.Y[i]; r.Z[i] = s.Z[i];
            r.Vx[i] = s.Vx[i]; r.Vy[i] = s.Vy[i]; r.Vz[i] = s.Vz[i];
            r.Type[i] = s.Type[i]; r.Charge[i] = s.Charge[i]; r.Id[i] = s.Id[i];
            r.ImageX[i] = s.ImageX[i]; r.ImageY[i] = s.ImageY[i]; r.ImageZ[i] = s.ImageZ[i];
            if (!byCore.TryGetValue(s.TypeElements[s.Type[i]], out var d)) continue;
            // a uniformly random direction (Marsaglia 1972)
            double u, v, q;
            do { u = 2 * rng.NextDouble() - 1; v = 2 * rng.NextDouble() - 1; q = u * u + v * v; } while (q >= 1);
            double f = 2 * Math.Sqrt(1 - q);
            int k = next++;
            r.X[k] = s.X[i] + displacementA * u * f; r.Y[k] = s.Y[i] + displacementA * v * f; r.Z[k] = s.Z[i] + displacementA * (1 - 2 * q);
            r.Vx[k] = s.Vx[i]; r.Vy[k] = s.Vy[i]; r.Vz[k] = s.Vz[i];
            // the core's image flags, so the ion stays whole when unwrapped (LAMMPS checks its bonds' images)
            r.ImageX[k] = s.ImageX[i]; r.ImageY[k] = s.ImageY[i]; r.ImageZ[k] = s.ImageZ[i];
            r.Type[k] = types.IndexOf(d.Shell);
            r.Id[k] = ++maxId;
        }
        r.WrapIntoBox();
        return r;
    }
}

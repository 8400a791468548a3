using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// The bonded part of the adiabatic shell model (Mitchell &amp; Fincham 1993; LAMMPS CORESHELL with bond harmonic and
/// special_bonds coul 0.0): each core-shell pair's spring E = ½·k·r², and the removal of the pair's own Coulomb
/// interaction, which the pair loop included: by default (LAMMPS's convention, pair_born_coul_dsf_cs.cpp and
/// pair_buck_coul_long_cs.cpp: ecoul −= (1 − factor_coul)·qqrd2e·q_i·q_j/r) the bare k·q_c·q_s/r is subtracted, or, as an
/// option for DSF and Wolf, the method's whole pair term (<see cref="CoreShellExclusion"/>).
/// The pairs are found when the force field is bound: every shell with the nearest core of its ion within the force
/// field's largest separation (minimum image), each core with exactly one shell.
/// </summary>
public sealed class CoreShellTerm
{
    /// <summary>Atom indices of the cores and of their shells, and each pair's k (eV/Å², E = ½kr²).</summary>
    public int[] Core { get; }
    public int[] Shell { get; }
    public double[] K { get; }

    private readonly int boundCount;
    private readonly bool[] bare;
    /// <summary>Atoms that are a core or a shell of a pair, and the ions' 3N_ions − 3 (both fixed when bound).</summary>
    private readonly bool[] inPair;
    private readonly int ionDof;

    private CoreShellTerm(int[] core, int[] shell, double[] k, bool[] bare, int count)
    {
        (Core, Shell, K, this.bare, boundCount) = (core, shell, k, bare, count);
        inPair = new bool[count];
        foreach (int i in core) inPair[i] = true;
        foreach (int i in shell) inPair[i] = true;
        ionDof = Math.Max(1, 3 * (count - shell.Length) - 3);
    }

    /// <summary>The pairs of <paramref name="s"/> under <paramref name="ff"/>'s shells, or null when it has none.</summary>
    public static CoreShellTerm? Bind(ForceField ff, AtomSystem s)
    {
        if (ff.Shells.Count == 0) return null;
        var core = new List<int>();
        var shell = new List<int>();
        var k = new List<double>();
        var bare = new List<bool>();
        foreach (var def in ff.Shells)
        {
            if (def.Exclusion == CoreShellExclusion.Pair && ff.Coulomb.Method is CoulombMethod.Ewald or CoulombMethod.Pppm)
                throw new InputException($"{ff.Source}: shells of {def.Core}: exclusion = \"pair\" applies to dsf and wolf; with {ff.Coulomb.Method} the pair's whole k qq/r is removed (exclusion = \"bare\")");
            var coreTypes = Enumerable.Range(0, s.TypeCount).Where(t => s.TypeElements[t] == def.Core).ToHashSet();
            var shellTypes = Enumerable.Range(0, s.TypeCount).Where(t => s.TypeElements[t] == def.Shell).ToHashSet();
            var cores = Enumerable.Range(0, s.Count).Where(i => coreTypes.Contains(s.Type[i])).ToList();
            var shells = Enumerable.Range(0, s.Count).Where(i => shellTypes.Contains(s.Type[i])).ToList();
            if (cores.Count != shells.Count)
                throw new InputException($"{ff.Source}: the system has {cores.Count} {def.Core} cores and {shells.Count} {def.Shell} shells; every core needs one shell (fracturelab add-shells)");
            var grid = new PointGrid(s.Box, Math.Max(def.MaxSeparationA, 1.0));
            foreach (int c in cores) grid.Add(s.X[c], s.Y[c], s.Z[c]);
            var taken = new int[cores.Count];
            Array.Fill(taken, -1);
            foreach (int sh in shells)
            {
                int best = -1;
                double bestD = double.MaxValue;
                foreach (int g in grid.Within(s.X[sh], s.Y[sh], s.Z[sh], def.MaxSeparationA))
                {
                    double d = Distance(s, cores[g], sh);
                    if (d < bestD) { bestD = d; best = g; }
                }
                if (best < 0)
                    throw new InputException($"{ff.Source}: shell atom {s.Id[sh]} ({def.Shell}) has no {def.Core} core within {def.MaxSeparationA} Å");
                if (taken[best] >= 0)
                    throw new InputException($"{ff.Source}: {def.Core} core atom {s.Id[cores[best]]} is the nearest core of two shells ({s.Id[taken[best]]} and {s.Id[sh]})");
                taken[best] = sh;
                core.Add(cores[best]);
                shell.Add(sh);
                k.Add(def.SpringEvPerA2);
                bare.Add(def.Exclusion == CoreShellExclusion.Bare);
            }
        }
        return new CoreShellTerm([.. core], [.. shell], [.. k], [.. bare], s.Count);
    }

    /// <summary>For each atom of the bound system the index of its shell if it is a core, else −1 (rigid ions and the shells).</summary>
    public int[] ShellOfEachCore()
    {
        var shellOf = new int[boundCount];
        Array.Fill(shellOf, -1);
        for (int p = 0; p < Core.Length; p++) shellOf[Core[p]] = Shell[p];
        return shellOf;
    }

    /// <summary>The ions' degrees of freedom, 3N_ions − 3 (a core-shell pair is one ion).</summary>
    public int IonDegreesOfFreedom => ionDof;

    private void CheckBound(AtomSystem s)
    {
        if (s.Count != boundCount)
            throw new InputException($"the core-shell pairs were found in a system of {boundCount} atoms, this one has {s.Count}: bind the force field to it again");
    }

    private static double Distance(AtomSystem s, int i, int j) => Math.Sqrt(s.Box.Distance2(s.X[i], s.Y[i], s.Z[i], s.X[j], s.Y[j], s.Z[j]));

    /// <summary>Adds the springs and removes each pair's Coulomb interaction: energies, forces, virial and per-atom terms.</summary>
    public void Add(AtomSystem s, CompiledForceField ff, ForceResult r)
    {
        CheckBound(s);
        var w = r.Virial;
        double coulCut2 = ff.Coulomb.CutoffSquared;
        double spring = 0, coulomb = 0;
        for (int p = 0; p < Core.Length; p++)
        {
            int c = Core[p], h = Shell[p];
            double dx = s.Box.NearestImage(0, s.X[c] - s.X[h]), dy = s.Box.NearestImage(1, s.Y[c] - s.Y[h]), dz = s.Box.NearestImage(2, s.Z[c] - s.Z[h]);
            double r2 = dx * dx + dy * dy + dz * dz;
            double qq = s.Charge[c] * s.Charge[h];
            // spring: E = ½ k r², force on the core −k d (d = x_core − x_shell), so F/r = −k
            double e = 0.5 * K[p] * r2, fr = -K[p];
            // minus the pair's Coulomb interaction (ShellDefinition.Exclusion): "bare" subtracts k qq/r from the total, as
            // LAMMPS's CORESHELL styles do for a special pair, so with DSF or Wolf the damped, shifted remainder of the pair
            // term stays and with Ewald/PPPM the real-space erfc/r and the k-space erf/r go together; "pair" subtracts the
            // method's whole real-space pair term (DSF or Wolf only)
            double ec = 0;
            if (bare[p])
            {
                if (r2 > 0)
                {
                    double rr = Math.Sqrt(r2), u = Units.MetalUnits.CoulombConstant * qq / rr;
                    ec -= u;
                    fr -= u / r2;
                }
            }
            else if (r2 < coulCut2)
            {
                var t = ff.Coulomb.Evaluate(r2, qq);
                ec -= t.Energy;
                fr -= t.ForceOverR;
            }
            spring += e;
            coulomb += ec;
            double fx = dx * fr, fy = dy * fr, fz = dz * fr;
            s.Fx[c] += fx; s.Fy[c] += fy; s.Fz[c] += fz;
            s.Fx[h] -= fx; s.Fy[h] -= fy; s.Fz[h] -= fz;
            double vxx = dx * fx, vyy = dy * fy, vzz = dz * fz, vxy = dx * fy, vxz = dx * fz, vyz = dy * fz;
            w[0] += vxx; w[1] += vyy; w[2] += vzz; w[3] += vxy; w[4] += vxz; w[5] += vyz;
            if (r.PerAtomEnergy is { } pe) { pe[c] += 0.5 * (e + ec); pe[h] += 0.5 * (e + ec); }
            if (r.PerAtomVirial is { } pv)
                foreach (int i in new[] { c, h })
                {
                    int o = 6 * i;
                    pv[o] += 0.5 * vxx; pv[o + 1] += 0.5 * vyy; pv[o + 2] += 0.5 * vzz; pv[o + 3] += 0.5 * vxy; pv[o + 4] += 0.5 * vxz; pv[o + 5] += 0.5 * vyz;
                }
        }
        r.CoreShellSpringEnergy += spring;
        r.CoulombPairEnergy += coulomb;
    }

    /// <summary>
    /// The kinetic tensor Σ M V_a V_b (eV) and degrees of freedom of the ions, as LAMMPS compute temp/cs: each core-shell
    /// pair moves as one particle of the pair's mass at its centre-of-mass velocity, atoms without a shell as themselves,
    /// 3·N_ions − 3 degrees of freedom; the fast relative core-shell motion is not temperature.
    /// </summary>
    public (double[] Tensor, int Dof) IonKinetics(AtomSystem s)
    {
        CheckBound(s);
        var t = new double[6];
        void Add(double m, double vx, double vy, double vz)
        {
            m *= Units.MetalUnits.MvvToEv;
            t[0] += m * vx * vx; t[1] += m * vy * vy; t[2] += m * vz * vz; t[3] += m * vx * vy; t[4] += m * vx * vz; t[5] += m * vy * vz;
        }
        for (int p = 0; p < Core.Length; p++)
        {
            int c = Core[p], h = Shell[p];
            double mc = s.Mass(c), mh = s.Mass(h), m = mc + mh;
            Add(m, (mc * s.Vx[c] + mh * s.Vx[h]) / m, (mc * s.Vy[c] + mh * s.Vy[h]) / m, (mc * s.Vz[c] + mh * s.Vz[h]) / m);
        }
        for (int i = 0; i < s.Count; i++)
            if (!inPair[i]) Add(s.Mass(i), s.Vx[i], s.Vy[i], s.Vz[i]);
        return (t, ionDof);
    }

    /// <summary>Gives each core and its shell their pair's centre-of-mass velocity (no relative motion: the adiabatic start).</summary>
    public void ToIonVelocities(AtomSystem s)
    {
        for (int p = 0; p < Core.Length; p++)
        {
            int c = Core[p], h = Shell[p];
            double mc = s.Mass(c), mh = s.Mass(h), m = mc + mh;
            double vx = (mc * s.Vx[c] + mh * s.Vx[h]) / m, vy = (mc * s.Vy[c] + mh * s.Vy[h]) / m, vz = (mc * s.Vz[c] + mh * s.Vz[h]) / m;
            s.Vx[c] = s.Vx[h] = vx; s.Vy[c] = s.Vy[h] = vy; s.Vz[c] = s.Vz[h] = vz;
        }
    }
}

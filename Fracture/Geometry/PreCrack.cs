using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Fracture.Geometry;

/// <summary>Centre slit in a periodic box, or an edge crack from a free surface.</summary>
public enum CrackKind { Centre, Edge, None }

/// <summary>
/// Pre-crack geometry (SCIENCE.md §2): a slab of atoms removed through the full thickness, of length
/// <see cref="LengthFraction"/>·W along <see cref="CrackAxis"/> (2a/W for a centre crack, a/W for an edge
/// crack) and <see cref="OpeningA"/> along <see cref="LoadingAxis"/>, centred at <see cref="PositionFraction"/>
/// of the box along the loading axis (and of the crack axis for a centre crack). An edge crack first opens
/// <see cref="VacuumA"/> of vacuum along the crack axis, making two free surfaces, and starts at the lower one.
/// </summary>
public sealed record PreCrackSpec(
    CrackKind Kind = CrackKind.Centre,
    int LoadingAxis = 2,
    int CrackAxis = 0,
    double LengthFraction = 1.0 / 3.0,
    double OpeningA = 10.0,
    double PositionFraction = 0.5,
    double VacuumA = 30.0)
{
    public void Check()
    {
        if (LoadingAxis is < 0 or > 2 || CrackAxis is < 0 or > 2 || LoadingAxis == CrackAxis)
            throw new InputException($"pre-crack: loading axis {LoadingAxis} and crack axis {CrackAxis} must be two different axes of x, y, z");
        double max = Kind == CrackKind.Centre ? 1.0 : 0.9;
        if (!(LengthFraction > 0 && LengthFraction < max)) throw new InputException($"pre-crack: length fraction {LengthFraction} must lie in (0, {max})");
        if (!(OpeningA > 0)) throw new InputException($"pre-crack: opening {OpeningA} Å must be positive");
        if (!(PositionFraction > 0 && PositionFraction < 1)) throw new InputException($"pre-crack: position {PositionFraction} must lie in (0, 1)");
    }
}

/// <summary>
/// The cracked system and what was done: atoms removed by the slit and, to restore charge neutrality (needed by
/// Ewald and kept for every Coulomb method), the atoms nearest the slit removed after it; the crack half-length
/// a and period W that the stress-route K_Ic needs (for an edge crack a is the full depth and W the solid width).
/// </summary>
public sealed record PreCrackResult(AtomSystem System, int RemovedBySlit, int RemovedForNeutrality, double NetChargeE, double HalfLengthA, double PeriodA, string Description);

public static class PreCrack
{
    /// <param name="shellOf">
    /// For a core-shell system, the shell of each core (index, or −1 for a rigid ion and for the shells themselves; from
    /// <see cref="Mechanics.Backends.CoreShellTerm.ShellOfEachCore"/>): an ion is cut, and removed for neutrality, as a whole,
    /// its core deciding (as a LAMMPS user deletes a core-shell "molecule"), so no core loses its shell and the net charge is
    /// counted per ion. Null: every atom is an ion.
    /// </param>
    public static PreCrackResult Apply(AtomSystem s, PreCrackSpec spec, int[]? shellOf = null)
    {
        spec.Check();
        if (shellOf is not null && shellOf.Length != s.Count) throw new ArgumentException($"shellOf holds {shellOf.Length} entries for {s.Count} atoms");
        s = s.Clone();
        if (spec.Kind == CrackKind.None)
            return new PreCrackResult(s, 0, 0, s.Charge.Sum(), 0, s.Box.Length(spec.CrackAxis), "no crack (uncracked box)");
        s.WrapIntoBox();
        int ca = spec.CrackAxis, la = spec.LoadingAxis;
        double w = s.Box.Length(ca);
        if (spec.OpeningA >= s.Box.Length(la)) throw new InputException($"pre-crack: opening {spec.OpeningA} Å is not smaller than the box ({s.Box.Length(la):F2} Å)");
        double lc = s.Box.Lo[la] + spec.PositionFraction * s.Box.Length(la);
        double from, to, halfLength;
        string what;
        if (spec.Kind == CrackKind.Centre)
        {
            double centre = s.Box.Lo[ca] + 0.5 * w;
            halfLength = 0.5 * spec.LengthFraction * w;
            from = centre - halfLength;
            to = centre + halfLength;
            what = $"centre crack 2a = {2 * halfLength:F2} Å of period W = {w:F2} Å (2a/W = {spec.LengthFraction:F3})";
        }
        else
        {
            s.Box.Hi[ca] = s.Box.Lo[ca] + w + spec.VacuumA;   // vacuum above the solid; the crack starts at the lower surface
            halfLength = spec.LengthFraction * w;
            from = s.Box.Lo[ca] - 1e-9;
            to = s.Box.Lo[ca] + halfLength;
            what = $"edge crack a = {halfLength:F2} Å in a solid of width {w:F2} Å with {spec.VacuumA:F1} Å of vacuum";
        }
        var pos = s.Positions(ca);
        var load = s.Positions(la);
        var ions = new Ions(s, shellOf);
        var inSlit = new bool[s.Count];
        int slit = 0;
        for (int i = 0; i < s.Count; i++)
            if (!ions.IsShell[i] && pos[i] >= from && pos[i] <= to && Math.Abs(load[i] - lc) < 0.5 * spec.OpeningA)
            {
                ions.Remove(inSlit, i);
                slit++;
            }

        int extra = Neutralize(s, inSlit, i => Math.Abs(load[i] - lc) + Math.Max(0, Math.Max(from - pos[i], pos[i] - to)), out double net, shellOf);
        var keep = Enumerable.Range(0, s.Count).Where(i => !inSlit[i]).ToList();
        var cracked = s.Subset(keep);
        int shells = ions.IsShell.Where((shell, i) => shell && inSlit[i]).Count();
        string withShells = shellOf is null ? "" : $" ({shells} shells removed with their cores)";
        string description = $"{what}, opening {spec.OpeningA:F1} Å along {"xyz"[la]}, crack along {"xyz"[ca]}; " +
                             $"{slit} {(shellOf is null ? "atoms" : "ions")} removed by the slit, {extra} more for charge neutrality{withShells} (net charge {(Math.Abs(net) < 1e-9 ? 0.0 : net):0.######} e)";
        return new PreCrackResult(cracked, slit, extra, net, halfLength, w, description);
    }

    /// <summary>
    /// Charge neutrality after a cut (needed by Ewald and kept for every Coulomb method): removes atoms in order of
    /// <paramref name="distance"/> from the cut, each time the nearest whose removal brings the net charge closest to zero;
    /// when no single removal lowers |net| (e.g. +1.2 e in BKS silica: Si +2.4, O −1.2), one that keeps |net| equal is
    /// allowed (remove a Si: −1.2 e, then an O: 0). Marks them in <paramref name="removed"/>; returns how many. With
    /// <paramref name="shellOf"/> (as <see cref="Apply"/>) the candidates are ions: a core goes with its shell, and its
    /// charge is the ion's (core + shell).
    /// </summary>
    public static int Neutralize(AtomSystem s, bool[] removed, Func<int, double> distance, out double net, int[]? shellOf = null)
    {
        var ions = new Ions(s, shellOf);
        net = Enumerable.Range(0, s.Count).Where(i => !removed[i]).Sum(i => s.Charge[i]);
        var byDistance = Enumerable.Range(0, s.Count).Where(i => !removed[i] && !ions.IsShell[i]).OrderBy(distance).ToList();
        int extra = 0;
        const double tolerance = 1e-6;
        for (int guard = 0; Math.Abs(net) > tolerance && guard < 64; guard++)
        {
            double n = net;
            int best = byDistance.FirstOrDefault(i => !removed[i] && Math.Abs(n - ions.Charge(i)) < Math.Abs(n) - tolerance, -1);
            if (best < 0) best = byDistance.FirstOrDefault(i => !removed[i] && ions.Charge(i) != 0 && Math.Abs(n - ions.Charge(i)) <= Math.Abs(n) + tolerance, -1);
            if (best < 0) break;
            net -= ions.Charge(best);
            ions.Remove(removed, best);
            extra++;
        }
        return extra;
    }

    /// <summary>The ions of a system: each atom its own, or a core with its shell (<paramref name="shellOf"/>, as <see cref="Apply"/>).</summary>
    private sealed class Ions
    {
        private readonly AtomSystem _s;
        private readonly int[]? _shellOf;
        public readonly bool[] IsShell;

        public Ions(AtomSystem s, int[]? shellOf)
        {
            (_s, _shellOf) = (s, shellOf);
            IsShell = new bool[s.Count];
            if (shellOf is null) return;
            foreach (int h in shellOf)
                if (h >= 0) IsShell[h] = true;
        }

        private int ShellOf(int i) => _shellOf is null ? -1 : _shellOf[i];

        /// <summary>The ion's charge (e): core and shell together.</summary>
        public double Charge(int i) => _s.Charge[i] + (ShellOf(i) is var h and >= 0 ? _s.Charge[h] : 0);

        public void Remove(bool[] removed, int i)
        {
            removed[i] = true;
            if (ShellOf(i) is var h and >= 0) removed[h] = true;
        }
    }
}

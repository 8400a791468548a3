using System.Globalization;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// A force field bound to a system's types: a flat symmetric table of short-range terms indexed
/// i·nTypes + j (cut-offs and shifts applied), the Coulomb method with its constants, the charges it
/// assigned, and the largest cut-off (Å). Built once; validation happens here, kernels never throw.
/// </summary>
public sealed class CompiledForceField
{
    public ForceField Definition { get; }
    public int TypeCount { get; }
    public ShortRangePair[] Pairs { get; }
    public CoulombSettings CoulombSettings { get; }
    public CoulombPair Coulomb { get; }
    /// <summary>Ewald reciprocal part, or null for other methods.</summary>
    public IReciprocalSpace? Reciprocal { get; }
    public double MaxCutoff { get; }
    /// <summary>The core-shell pairs of the bound system (adiabatic shell model), or null for rigid ions.</summary>
    public CoreShellTerm? CoreShell { get; }
    public IReadOnlyList<string> Assumptions { get; }

    public ShortRangePair Pair(int ti, int tj) => Pairs[ti * TypeCount + tj];

    /// <summary>
    /// Binds <paramref name="ff"/> to the types of <paramref name="system"/>, sets the atoms' charges
    /// from the force field, and applies overrides of the short-range cut-off and Coulomb settings. With
    /// <paramref name="reciprocal"/> false the Ewald/PPPM reciprocal part is not set up (its mesh tuning evaluates the
    /// system): for uses of the pair terms and charges alone, such as tabulating them for LAMMPS.
    /// </summary>
    public CompiledForceField(ForceField ff, AtomSystem system, double? shortRangeCutoff = null, CoulombSettings? coulomb = null, bool reciprocal = true)
    {
        Definition = ff;
        TypeCount = system.TypeCount;
        Pairs = new ShortRangePair[TypeCount * TypeCount];
        var notes = new List<string>(ff.Assumptions);
        var typeCharge = new double[TypeCount];
        for (int t = 0; t < TypeCount; t++)
        {
            string el = system.TypeElements[t];
            if (!ff.TryGetCharge(el, out typeCharge[t]))
                throw new InputException($"{ff.Source}: no charge for element '{el}' (type {t + 1}); the force field covers {string.Join(", ", ff.Charges.Keys)}");
        }
        CoulombSettings = coulomb ?? ff.Coulomb;
        double maxCut = CoulombSettings.Method == CoulombMethod.None ? 0 : CoulombSettings.Cutoff;
        for (int a = 0; a < TypeCount; a++)
            for (int b = a; b < TypeCount; b++)
            {
                string ea = system.TypeElements[a], eb = system.TypeElements[b];
                var def = ff.FindPair(ea, eb);
                ShortRangePair entry;
                if (def is null)
                {
                    bool coulombOnly = ff.UnlistedPairsCoulombOnly && CoulombSettings.Method != CoulombMethod.None;
                    if (!coulombOnly)
                        throw new InputException($"{ff.Source}: missing pair parameters for {ea}-{eb}");
                    entry = ShortRangePair.Empty;
                }
                else
                {
                    double rc = shortRangeCutoff ?? def.Cutoff ?? ff.ShortRangeCutoff;
                    if (!(rc > 0)) throw new InputException($"cut-off for {ea}-{eb} must be positive, got {rc}");
                    entry = def.Term with { CutoffSquared = rc * rc };
                    if (ff.ShiftEnergy) entry = entry with { EnergyShift = entry.EvaluateUnshifted(rc * rc).Energy };
                    maxCut = Math.Max(maxCut, rc);
                }
                Pairs[a * TypeCount + b] = entry;
                Pairs[b * TypeCount + a] = entry;
            }
        for (int i = 0; i < system.Count; i++) system.Charge[i] = typeCharge[system.Type[i]];
        CoreShell = CoreShellTerm.Bind(ff, system);

        double ewaldAlpha = 0;
        if (CoulombSettings.IsEwaldSplit && reciprocal)
        {
            if (!(system.Box.Periodic[0] && system.Box.Periodic[1] && system.Box.Periodic[2]))
                throw new InputException("Ewald summation needs a box periodic along x, y and z; use dsf or wolf for slabs");
            double sumQ2 = 0;
            for (int i = 0; i < system.Count; i++) sumQ2 += system.Charge[i] * system.Charge[i];
            // The same α for both: LAMMPS's ewald and pppm estimate the real-space error alike (SCIENCE.md §8).
            ewaldAlpha = CoulombSettings.Alpha > 0 ? CoulombSettings.Alpha
                : EwaldReciprocal.ChooseAlpha(CoulombSettings.EwaldAccuracy, CoulombSettings.Cutoff, system.Count, sumQ2, system.Box.Volume);
            if (CoulombSettings.Method == CoulombMethod.Ewald)
                Reciprocal = new EwaldReciprocal(ewaldAlpha, CoulombSettings.EwaldAccuracy);
            else
            {
                int order = CoulombSettings.MeshOrder;
                if (CoulombSettings.MeshGrid is { } grid)
                    Reciprocal = new MeshEwald(ewaldAlpha, grid, order == 0 ? 5 : order);
                else
                {
                    var choice = order == 0
                        ? MeshEwaldTuning.ChooseCheapest(system, ewaldAlpha, CoulombSettings.EwaldAccuracy)
                        : MeshEwaldTuning.Choose(system, ewaldAlpha, CoulombSettings.EwaldAccuracy, order);
                    Reciprocal = new MeshEwald(ewaldAlpha, choice.Grid, choice.Order);
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"mesh Ewald grid {string.Join('x', choice.Grid)}, order {choice.Order}, chosen for accuracy {CoulombSettings.EwaldAccuracy:G3}: k-space rms force error {choice.RmsForceErrorEvPerA:G3} eV/Å against a finer mesh (target {choice.TargetEvPerA:G3})"));
                }
            }
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Ewald splitting alpha = {ewaldAlpha:G10} 1/Å for relative accuracy {CoulombSettings.EwaldAccuracy:G3}; {Reciprocal.Describe()}"));
        }
        Coulomb = new CoulombPair(CoulombSettings, ewaldAlpha);
        if (maxCut <= 0) throw new InputException($"{ff.Source}: no interactions: every pair is empty and Coulomb is off");
        MaxCutoff = maxCut;
        Assumptions = notes;
    }
}

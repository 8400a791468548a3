using System.Globalization;
using System.Text;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Protocols;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// Writes one fracture run as LAMMPS 2022 input (DESIGN.md "Growing past one machine"): the glass and the pre-cracked
/// structure as data files (charges from the force field; the crack cut by <see cref="PreCrack"/>, so both codes pull
/// the same box), the short-range terms of every type pair as a `pair_style table` file (our own functions, 20 000
/// points, so walls, Pedone's C0/r¹² and core terms need no LAMMPS style of their own), the Coulomb method as its
/// LAMMPS style (coul/dsf, coul/wolf, coul/long with kspace ewald or pppm), and two decks with the protocol of
/// SCIENCE.md §2: the uncracked modulus pull (protocol A) and the pre-cracked pull (A or B; C is not emitted).
/// run.sh runs both and reads the logs back with <c>fracturelab analyze-lammps</c>. Core-shell ions (the glass holds their
/// shells) run as LAMMPS's CORESHELL package runs them (<see cref="LammpsCoreShell"/>), minimized before any MD as our runs are.
/// </summary>
public static class LammpsDeckWriter
{
    public const int TablePoints = 20000;
    public const double TableInnerA = 0.5;

    /// <summary>The files a LAMMPS pull leaves for the J integral: the relaxed pre-cracked structure (the displacement reference) and the per-atom stress dump.</summary>
    public const string RelaxedData = "precracked_relaxed.data", StressDump = "dump.precracked";

    /// <param name="dumpEveryRecords">records between frames of the per-atom stress dump of the pre-cracked pull.</param>
    public static void Write(string dir, AtomSystem glass, ForceField ff, FractureJobSettings settings, string label, int dumpEveryRecords = 10)
    {
        var t = settings.Tension;
        if (t.Protocol == TensileProtocol.C) throw new InputException($"{label}: protocol C (stepwise, minimized) is not emitted as a LAMMPS deck; use A or B");
        var coulomb = ff.Coulomb;
        if (coulomb.Method == CoulombMethod.None) throw new InputException($"{label}: force field {ff.Name} has no Coulomb term; emission expects one");
        Directory.CreateDirectory(dir);
        var charged = glass.Clone();
        var compiled = new CompiledForceField(ff, charged, reciprocal: false); // sets the charges; only the short-range terms are tabulated
        bool shells = ff.Shells.Count > 0;
        // a slit cuts whole ions (a core goes with its shell), as our runs cut it
        var cut = PreCrack.Apply(charged, settings.Crack, compiled.CoreShell?.ShellOfEachCore());
        int bondTypes = ff.Shells.Count;
        LammpsDataWriter.Write(Path.Combine(dir, "glass.data"), charged, $"FractureLab glass for {label}", shells ? LammpsCoreShell.Bonds(ff, charged) : null, bondTypes);
        LammpsDataWriter.Write(Path.Combine(dir, "precracked.data"), cut.System, $"FractureLab pre-cracked (not relaxed) for {label}: {cut.Description}",
            shells ? LammpsCoreShell.Bonds(ff, cut.System) : null, bondTypes);
        AtomicFile.Write(Path.Combine(dir, "ff.table"), w => WriteTable(w, compiled, charged.TypeElements));
        string pairs = PairCommands(ff, compiled, coulomb, charged.TypeElements);
        AtomicFile.Write(Path.Combine(dir, "in.uncracked.lmp"), w => w.Write(Deck("glass.data", pairs, settings.ModulusTension, settings.RelaxPs, settings.Seed, cracked: false, ff, label, 0)));
        AtomicFile.Write(Path.Combine(dir, "in.precracked.lmp"), w => w.Write(Deck("precracked.data", pairs, t, settings.RelaxPs, settings.Seed + 1, cracked: true, ff, label, Math.Max(1, dumpEveryRecords))));
        var ci = CultureInfo.InvariantCulture;
        string axis = "xyz"[t.Axis].ToString();
        string crackOptions = settings.Crack.Kind == CrackKind.Centre ? string.Create(ci, $" --crack-half-length-A {cut.HalfLengthA:R} --period-A {cut.PeriodA:R}") : "";
        AtomicFile.Write(Path.Combine(dir, "run.sh"), w => w.Write($$"""
            #!/usr/bin/env bash
            # {{label}}: the FractureLab protocol in LAMMPS (2 MPI ranks by default: NP=8 bash run.sh), then FractureLab's analysis of the logs.
            set -euo pipefail
            cd "$(dirname "$0")"
            NP=${NP:-2}
            FL=${FL:-fracturelab}
            mpirun --allow-run-as-root -np $NP lmp -in in.uncracked.lmp -log log.uncracked -screen none
            $FL analyze-lammps --log log.uncracked --axis {{axis}} --stress-column v_s{{axis}}{{axis}} --out uncracked.json
            E=$(python3 -c "import json; print(json.load(open('uncracked.json'))['youngs_modulus_GPa'])")
            NU=$(python3 -c "import json; print(json.load(open('uncracked.json'))['poisson_ratio'])")
            mpirun --allow-run-as-root -np $NP lmp -in in.precracked.lmp -log log.precracked -screen none
            $FL analyze-lammps --log log.precracked --axis {{axis}} --stress-column v_s{{axis}}{{axis}} --youngs-modulus-GPa $E --poisson $NU{{crackOptions}}{{(t.Protocol == TensileProtocol.B ? " --fixed-lateral" : "")}} --out summary.json

            """));
    }

    /// <summary>pair_style table: one section per type pair, N points from 0.5 Å to the pair's cut-off, energy (eV) and force (eV/Å).</summary>
    private static void WriteTable(TextWriter w, CompiledForceField ff, string[] elements)
    {
        var ci = CultureInfo.InvariantCulture;
        w.WriteLine($"# FractureLab short-range terms of {ff.Definition.Name} ({ff.Definition.Citation}), tabulated for pair_style table linear {TablePoints}");
        w.WriteLine();
        for (int a = 0; a < ff.TypeCount; a++)
            for (int b = a; b < ff.TypeCount; b++)
            {
                var pair = ff.Pair(a, b);
                double rc = pair.CutoffSquared > 0 ? Math.Sqrt(pair.CutoffSquared) : 1.0;
                w.WriteLine($"{elements[a]}_{elements[b]}");
                w.WriteLine(string.Create(ci, $"N {TablePoints} R {TableInnerA:R} {rc:R}"));
                w.WriteLine();
                for (int k = 0; k < TablePoints; k++)
                {
                    double r = TableInnerA + (rc - TableInnerA) * k / (TablePoints - 1);
                    var term = pair.CutoffSquared > 0 ? pair.Evaluate(Math.Min(r * r, pair.CutoffSquared * (1 - 1e-15))) : default;
                    w.WriteLine(string.Create(ci, $"{k + 1} {r:R} {term.Energy:R} {term.ForceOverR * r:R}"));
                }
                w.WriteLine();
            }
    }

    /// <summary>The pair (and, with shells, bond) commands: the table for the short range overlaid with the Coulomb style.</summary>
    private static string PairCommands(ForceField definition, CompiledForceField ff, CoulombSettings c, string[] elements)
    {
        var ci = CultureInfo.InvariantCulture;
        bool shells = definition.Shells.Count > 0;
        string coulStyle = shells ? LammpsCoreShell.CoulombStyle(definition, c) : c.Method switch
        {
            CoulombMethod.Dsf => string.Create(ci, $"coul/dsf {c.Alpha:R} {c.Cutoff:R}"),
            CoulombMethod.Wolf => string.Create(ci, $"coul/wolf {c.Alpha:R} {c.Cutoff:R}"),
            _ => string.Create(ci, $"coul/long {c.Cutoff:R}"),
        };
        var sb = new StringBuilder();
        sb.AppendLine($"pair_style hybrid/overlay table linear {TablePoints} {coulStyle}");
        for (int a = 0; a < ff.TypeCount; a++)
            for (int b = a; b < ff.TypeCount; b++)
            {
                var pair = ff.Pair(a, b);
                if (pair.CutoffSquared > 0) sb.AppendLine(string.Create(ci, $"pair_coeff {a + 1} {b + 1} table ff.table {elements[a]}_{elements[b]} {Math.Sqrt(pair.CutoffSquared):R}"));
            }
        sb.AppendLine(shells ? LammpsCoreShell.CoulombCoefficients(coulStyle) : $"pair_coeff * * {coulStyle.Split(' ')[0]}");
        if (c.Method == CoulombMethod.Ewald) sb.AppendLine(string.Create(ci, $"kspace_style ewald {c.EwaldAccuracy:G3}"));
        if (c.Method == CoulombMethod.Pppm) sb.AppendLine(string.Create(ci, $"kspace_style pppm {c.EwaldAccuracy:G3}"));
        // coul/dsf takes erfc from the Abramowitz-Stegun polynomial, born/coul/dsf/cs from libm (its energy matches our
        // exact erfc to 1e-11 relative on the 320-particle shell glass, A-S is 1e-6 off: Tests/Parity/Lammps/cs_emitted.*)
        if (c.Method == CoulombMethod.Dsf && !shells && c.Erfc == ErfcFlavor.Exact)
            sb.AppendLine("# note: LAMMPS coul/dsf evaluates erfc by the Abramowitz-Stegun polynomial; this force field asks for the exact erfc (differences ~1e-7)");
        if (c.Method == CoulombMethod.Dsf && shells && c.Erfc != ErfcFlavor.Exact)
            sb.AppendLine("# note: LAMMPS born/coul/dsf/cs evaluates the exact erfc; this force field asks for the Abramowitz-Stegun polynomial (differences ~1e-6)");
        if (shells) sb.Append(LammpsCoreShell.Commands(definition, elements));
        return sb.ToString();
    }

    private static string Deck(string data, string pairs, TensileSettings t, double relaxPs, int seed, bool cracked, ForceField ff, string label, int dumpEveryRecords)
    {
        var ci = CultureInfo.InvariantCulture;
        string ax = "xyz"[t.Axis].ToString();
        var lateral = Enumerable.Range(0, 3).Where(a => a != t.Axis).Select(a => "xyz"[a].ToString()).ToArray();
        long relaxSteps = (long)Math.Round(relaxPs / (t.TimestepFs * MetalUnits.Femtosecond));
        long pullSteps = (long)Math.Round(t.MaxStrain / (t.StrainRatePerPs * t.TimestepFs * MetalUnits.Femtosecond));
        double erate = t.StrainRatePerPs;
        string T = t.TemperatureK.ToString("R", ci);
        bool shells = ff.Shells.Count > 0;
        // with shells every thermostat, barostat, velocity draw and the stress's kinetic part use the ions' centres of mass
        string temp = shells ? LammpsCoreShell.TemperatureId : "thermo_temp";
        string Modify(string fix) => shells ? $"\nfix_modify {fix} temp {temp}" : "";
        string velocity = shells
            ? $"velocity all create {T} {seed} mom yes rot yes dist gaussian loop geom bias yes temp {temp}\nvelocity all scale {T} temp {temp}"
            : $"velocity all create {T} {seed} mom yes rot yes dist gaussian loop geom";
        string pullFix = (t.Protocol == TensileProtocol.A
            ? $"fix pull all npt temp {T} {T} 0.1 {lateral[0]} 0 0 1.0 {lateral[1]} 0 0 1.0"
            : $"fix pull all nvt temp {T} {T} 0.1") + Modify("pull");
        string relax = cracked
            ? $"""
              minimize 0 1e-4 1000 10000
              {velocity}
              fix relax all nvt temp {T} {T} 0.1{Modify("relax")}
              run {relaxSteps / 2}
              unfix relax
              {(t.Protocol == TensileProtocol.A ? $"fix relax all npt temp {T} {T} 0.1 {lateral[0]} 0 0 1.0 {lateral[1]} 0 0 1.0" : $"fix relax all nvt temp {T} {T} 0.1")}{Modify("relax")}
              run {relaxSteps - relaxSteps / 2}
              unfix relax
              """
            : $"""
              {(shells ? "minimize 0 1e-4 1000 10000\n" : "")}{velocity}
              fix relax all npt temp {T} {T} 0.1 aniso 0 0 1.0{Modify("relax")}
              run {relaxSteps}
              unfix relax
              """;
        return string.Create(ci, $"""
            # FractureLab protocol {t.Protocol} ({(cracked ? "pre-cracked" : "uncracked modulus run")}) of {label} for LAMMPS 2022.
            # Force field {ff.Name}: {ff.Citation}. Short-range terms tabulated from FractureLab's definitions (ff.table).
            units metal
            atom_style {(shells ? "full" : "charge")}
            boundary p p p
            read_data {data}
            {pairs.TrimEnd()}
            neighbor 2.0 bin
            timestep {t.TimestepFs * MetalUnits.Femtosecond:R}
            {relax.TrimEnd()}
            {(cracked ? $"write_data {RelaxedData}\n" : "")}reset_timestep 0
            {pullFix}
            fix stretch all deform 1 {ax} erate {erate:G12} remap x
            # Each record averages the stress over the steps since the last one, as FractureLab does: v_sxx … in GPa, tension positive.
            compute p all pressure {temp}
            fix avg all ave/time 1 {t.StepsPerRecord} {t.StepsPerRecord} c_p[1] c_p[2] c_p[3]
            variable sxx equal -f_avg[1]*1e-4
            variable syy equal -f_avg[2]*1e-4
            variable szz equal -f_avg[3]*1e-4
            thermo_style custom step temp pe v_sxx v_syy v_szz lx ly lz{(shells ? $"\nthermo_modify temp {temp}" : "")}
            thermo {t.StepsPerRecord}
            {(cracked ? $"compute stress all stress/atom NULL\ndump d all custom {t.StepsPerRecord * dumpEveryRecords} {StressDump} id type x y z ix iy iz c_stress[1] c_stress[2] c_stress[3] c_stress[4] c_stress[5] c_stress[6]\ndump_modify d sort id\n" : "")}run {pullSteps}
            """) + "\n";
    }
}

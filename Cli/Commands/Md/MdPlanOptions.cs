using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Cli.Commands;

/// <summary>The md command's options turned into an <see cref="MdPlan"/>, every value checked with a one-line error.</summary>
public static class MdPlanOptions
{
    public static MdPlan From(ParseResult p, MdOptions o, bool hasFileVelocities)
    {
        long steps = p.GetValue(o.Steps);
        if (steps < 0) throw new InputException($"--steps must be ≥ 0, got {steps}");
        double dt = p.GetValue(o.Dt);
        if (!(dt > 0 && dt <= 10)) throw new InputException($"--dt must lie in (0, 10] fs, got {dt}");
        string ens = p.GetValue(o.Ensemble)!;
        var ensemble = Ensembles.ParseEnsemble(ens) ?? throw new InputException($"--ensemble '{ens}': expected nve, nvt or npt");
        string th = p.GetValue(o.Thermostat)!;
        var thermostat = Ensembles.ParseThermostat(th) ?? throw new InputException($"--thermostat '{th}': expected nose-hoover or berendsen");
        double t = p.GetValue(o.Temperature);
        if (!(t >= 0)) throw new InputException($"--temperature must be ≥ 0 K, got {t}");
        if (ensemble != Ensemble.Nve && !(t > 0)) throw new InputException($"--temperature must be positive for {ens}");
        string couple = p.GetValue(o.Couple)!;
        if (couple.Length == 0 || couple.Any(c => c is not ('x' or 'y' or 'z'))) throw new InputException($"--couple '{couple}': give axes from x, y, z");
        double td = p.GetValue(o.TDamp), pd = p.GetValue(o.PDamp);
        if (!(td > 0)) throw new InputException($"--tdamp must be positive, got {td}");
        if (!(pd > 0)) throw new InputException($"--pdamp must be positive, got {pd}");
        string? min = p.GetValue(o.Minimize);
        if (min is not (null or "fire" or "cg")) throw new InputException($"--minimize '{min}': expected fire or cg");
        int thermo = p.GetValue(o.ThermoEvery);
        if (thermo <= 0) throw new InputException($"--thermo must be positive, got {thermo}");
        int dump = p.GetValue(o.DumpEvery);
        if (dump < 0) throw new InputException($"--dump-every must be ≥ 0, got {dump}");
        long ck = p.GetValue(o.CheckpointEvery);
        double skin = p.GetValue(o.Skin);
        if (!(skin >= 0 && skin <= 10)) throw new InputException($"--skin {skin}: give a skin from 0 to 10 Å");
        if (ck < 0) throw new InputException($"--checkpoint-every must be ≥ 0, got {ck}");
        var runaway = new RunawayLimits
        {
            Enabled = !p.GetValue(o.NoRunawayCheck),
            TargetTemperatureK = ensemble == Ensemble.Nve ? null : t,
            TemperatureFactor = p.GetValue(o.RunawayFactor),
            TemperatureMarginK = p.GetValue(o.RunawayMargin),
            EnergyJumpEvPerAtomPerStep = p.GetValue(o.RunawayJump),
        };
        try { runaway.Check(); }
        catch (InputException e) { throw new InputException($"--runaway-*: {e.Message}"); }
        return new MdPlan(steps, dt, ensemble, thermostat, t, p.GetValue(o.Pressure), "xyz".Select(a => couple.Contains(a)).ToArray(),
            td, pd, p.GetValue(o.Seed), p.GetValue(o.NewVelocities) || !hasFileVelocities, min, thermo, dump, ck, p.GetValue(o.Resume), p.GetValue(o.Out)!) { Runaway = runaway, SkinA = skin, DumpPerAtomEnergy = p.GetValue(o.DumpPe), ExtendedXyz = Format(p.GetValue(o.Format)!) };
    }

    private static bool Format(string f) => f switch
    {
        "lammps" => false,
        "extxyz" => true,
        _ => throw new InputException($"--format '{f}'{KeySuggestions.Suggest(f, ["lammps", "extxyz"])}: expected lammps or extxyz"),
    };
}

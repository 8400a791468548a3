using System.CommandLine;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Cli.Commands;

/// <summary>The options of an MD run (fracturelab md), beside the force-field options.</summary>
public sealed class MdOptions
{
    public Option<long> Steps { get; } = new("--steps") { Description = "number of MD steps", Required = true };
    public Option<double> Dt { get; } = new("--dt") { Description = "timestep (fs)", DefaultValueFactory = _ => 1.0 };
    public Option<string> Ensemble { get; } = new("--ensemble") { Description = "nve, nvt or npt", DefaultValueFactory = _ => "nve" };
    public Option<string> Thermostat { get; } = new("--thermostat") { Description = "nose-hoover or berendsen (nvt/npt)", DefaultValueFactory = _ => "nose-hoover" };
    public Option<double> Temperature { get; } = new("--temperature") { Description = "target temperature and temperature of new velocities (K)", DefaultValueFactory = _ => 300.0 };
    public Option<double> Pressure { get; } = new("--pressure") { Description = "target pressure for npt (GPa)", DefaultValueFactory = _ => 0.0 };
    public Option<string> Couple { get; } = new("--couple") { Description = "axes barostatted in npt, e.g. xy (z then keeps its length)", DefaultValueFactory = _ => "xyz" };
    public Option<double> TDamp { get; } = new("--tdamp") { Description = "thermostat damping time (ps)", DefaultValueFactory = _ => 0.1 };
    public Option<double> PDamp { get; } = new("--pdamp") { Description = "barostat damping time (ps)", DefaultValueFactory = _ => 1.0 };
    public Option<int> Seed { get; } = new("--seed") { Description = "seed of the Maxwell-Boltzmann velocities", DefaultValueFactory = _ => 12345 };
    public Option<bool> NewVelocities { get; } = new("--new-velocities") { Description = "draw velocities at --temperature even if the data file has them" };
    public Option<string?> Minimize { get; } = new("--minimize") { Description = "minimize first: fire or cg" };
    public Option<int> ThermoEvery { get; } = new("--thermo") { Description = "steps between thermo records", DefaultValueFactory = _ => 100 };
    public Option<int> DumpEvery { get; } = new("--dump-every") { Description = "steps between dump frames (0 = none)", DefaultValueFactory = _ => 0 };
    public Option<string> Format { get; } = new("--format") { Description = "trajectory and final structure: lammps (trajectory.dump, final.data) or extxyz (trajectory.xyz and final.xyz for ASE/OVITO, final.data as well)", DefaultValueFactory = _ => "lammps" };
    public Option<double> Skin { get; } = new("--skin") { Description = "neighbor-list skin added to the cut-off, Å (LAMMPS neighbor SKIN bin; rebuilt when an atom may have moved skin/2)", DefaultValueFactory = _ => 2.0 };
    public Option<bool> DumpPe { get; } = new("--dump-pe") { Description = "add c_pe, the per-atom potential energy of LAMMPS compute pe/atom (eV, pair energies split half and half, self energy included, k-space not), to the dump" };
    public Option<long> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "steps between checkpoints (0 = only on Ctrl+C)", DefaultValueFactory = _ => 1000 };
    public Option<bool> Resume { get; } = new("--resume") { Description = "continue from OUT/checkpoint.bin" };
    public Option<double> RunawayFactor { get; } = new("--runaway-temperature-factor") { Description = "stop as a runaway above this multiple of the target temperature (or target + margin, whichever is higher)", DefaultValueFactory = _ => RunawayLimits.Default.TemperatureFactor };
    public Option<double> RunawayMargin { get; } = new("--runaway-temperature-margin") { Description = "temperature margin over the target always allowed (K)", DefaultValueFactory = _ => RunawayLimits.Default.TemperatureMarginK };
    public Option<double> RunawayJump { get; } = new("--runaway-energy-jump") { Description = "stop when the potential energy changes by more than this per atom and step (eV)", DefaultValueFactory = _ => RunawayLimits.Default.EnergyJumpEvPerAtomPerStep };
    public Option<bool> NoRunawayCheck { get; } = new("--no-runaway-check") { Description = "do not stop on runaway energies, temperatures or atoms (not advised)" };
    public Option<string> Out { get; } = new("--out") { Description = "output folder", DefaultValueFactory = _ => "out/md" };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Steps, Dt, Ensemble, Thermostat, Temperature, Pressure, Couple, TDamp, PDamp, Seed, NewVelocities, Minimize, ThermoEvery, DumpEvery, Format, DumpPe, Skin, CheckpointEvery, Resume, RunawayFactor, RunawayMargin, RunawayJump, NoRunawayCheck, Out })
            c.Options.Add(o);
    }
}

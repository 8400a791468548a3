using FractureLab.Mechanics.IO;
using static FractureLab.Mechanics.IO.InputSchema;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// The run file (<c>fracturelab run RUN.toml</c>, and the run sections of study and campaign base files), described once:
/// <see cref="RunConfig"/> reads exactly these keys, and the defaults shown are the embedded job's (<see cref="RunConfig.Default"/>).
/// </summary>
public static class RunFileSchema
{
    public static IReadOnlyList<SchemaKey> Keys { get; } = Build();

    public static InputSchema Schema => new("run", "Run file (TOML; every key optional, defaults are the embedded job).", Keys);

    private static IReadOnlyList<SchemaKey> Build()
    {
        var d = RunConfig.Default();
        var c = d.Settings.Crack;
        var t = d.Settings.Tension;
        return
        [
            new("structure.data", "string", false, "(none: the shipped glass)", "LAMMPS data file of the glass (atom_style charge), relative to this file"),
            new("structure.shipped", "string", false, $"\"{d.Shipped}\"", "a shipped glass: " + string.Join(", ", ShippedStructures.Names)),
            new("structure.elements", "string", false, "(the Masses comments)", "element of each atom type in type order, e.g. \"Si,O\""),
            new("structure.replicate", "3 integers", false, "[1, 1, 1]", "copies along x, y, z (as LAMMPS's replicate), 1-100 each; with cif, the cells of the supercell"),
            new("structure.cif", "string", false, "(none)", "a crystal from this CIF file instead of a glass (build-crystal's builder), relative to this file; with build = glass-ceramic, the grains' crystal"),
            new("structure.orient", "3 integers", false, "(the CIF's cell, orthohexagonal if hexagonal)", "cif: lattice direction u, v, w put along the loading axis"),
            new("structure.strain_tolerance", "number", false, "0.01", "cif: largest shear strain allowed to make the cell orthogonal"),
            new("structure.substitute", "string", false, "(none)", "cif: aliovalent substitution HOST:DOPANT=FRACTION, e.g. \"Ti:Al=0.15\""),
            new("structure.compensate", "string", false, "(none)", "cif: element balancing the substitution's charge, e.g. \"Li\""),
            new("structure.build", "string", false, "\"glass\"", "glass (the data or shipped structure as it is) or glass-ceramic (grains of the cif crystal cut into that glass, build-glass-ceramic's builder)"),
            new("structure.crystal_size", "3 integers", false, "[2, 2, 2]", "glass-ceramic: cells of the crystal block the grains are cut from"),
            new("structure.grains", "integer", false, "1", "glass-ceramic: grains per unreplicated box (times the replication)"),
            new("structure.fraction", "number", false, "(required)", "glass-ceramic: crystal volume fraction, e.g. 0.15 for GC15 (0: no grains, the glass relaxed the same way)"),
            new("structure.shape", "string", false, "\"sphere\"", "glass-ceramic: sphere or voronoi grains"),
            new("structure.orientations", "string", false, "\"random\"", "glass-ceramic: random (uniform rotations) or aligned (crystal axes along the box)"),
            new("structure.min_distance_A", "number", false, "1.8", "glass-ceramic: glass atoms closer than this to a grain atom are removed, Å"),
            new("structure.interface_width_A", "number", false, "3", "glass-ceramic: atoms within this of the other phase are 'interface', Å"),
            new("structure.relax_K", "number", false, "300", "glass-ceramic: temperature of the interface relaxation (below the glass transition), K"),
            new("structure.relax_ps", "number", false, "5", "glass-ceramic: NPT relaxation at zero pressure after the minimization, ps (0: minimization only)"),
            new("forcefield.name", "string", false, $"\"{d.ForceField}\"", "a shipped force field (`fracturelab schema forcefield` for the file format) or a TOML file"),
            new("forcefield.boron_n4", "number", false, "(required by du-teter with P2O5)", "fraction of four-fold boron N4 for the Deng-Du B-O term"),
            new("crack.kind", "string", false, $"\"{c.Kind.ToString().ToLowerInvariant()}\"", "centre (a slit through the middle), edge (from a free surface) or none"),
            new("crack.length_fraction", "number", false, Value(c.LengthFraction), "crack length over the box width: 2a/W for a centre crack, a/W for an edge crack"),
            new("crack.opening_A", "number", false, Value(c.OpeningA), "width of the slit cut out along the loading axis, Å"),
            new("crack.loading_axis", "x, y or z", false, $"\"{"xyz"[c.LoadingAxis]}\"", "axis of the pull (the crack plane is normal to it)"),
            new("crack.crack_axis", "x, y or z", false, $"\"{"xyz"[c.CrackAxis]}\"", "axis along which the crack runs"),
            new("crack.position", "number", false, Value(c.PositionFraction), "crack plane position along the loading axis, fraction of the box"),
            new("crack.vacuum_A", "number", false, Value(c.VacuumA), "edge crack: vacuum added at the free surface, Å"),
            new("tension.protocol", "A, B or C", false, $"\"{t.Protocol}\"", "A: lateral axes at zero stress; B: lateral lengths fixed; C: stepwise quasi-static (SCIENCE.md §2)"),
            new("tension.strain_rate_per_s", "number", false, Value(t.StrainRatePerS), "engineering strain rate, 1/s"),
            new("tension.temperature_K", "number", false, Value(t.TemperatureK), "temperature of the pull, K"),
            new("tension.max_strain", "number", false, Value(t.MaxStrain), "the pull stops at this engineering strain (or at separation)"),
            new("tension.record_every_strain", "number", false, Value(t.RecordEveryStrain), "strain between stress-strain records (each the mean since the last)"),
            new("tension.timestep_fs", "number", false, Value(t.TimestepFs), "MD timestep, fs"),
            new("tension.step_strain", "number", false, Value(t.StepStrain), "protocol C: strain increment per step"),
            new("tension.hold_ps", "number", false, Value(t.HoldPs), "protocol C: NVT hold after each increment, ps"),
            new("tension.separation_fraction", "number", false, Value(t.SeparationFraction), "separated once the stress stays below this fraction of the peak ..."),
            new("tension.separation_span", "number", false, Value(t.SeparationSpan), "... over this strain span after the peak"),
            new("run.seed", "integer", false, d.Settings.Seed.ToString(), "seed of the velocities"),
            new("run.relax_ps", "number", false, Value(d.Settings.RelaxPs), "NPT relaxation of the glass before the crack is cut, ps"),
            new("run.modulus_strain", "number", false, Value(d.Settings.ModulusStrain), "strain of the uncracked pull that gives E and ν"),
            new("run.dump_every_records", "integer", false, d.DumpEveryRecords.ToString(), "a trajectory.dump frame (with per-atom stress) every this many records; 0: none"),
            new("run.snapshot_every_strain", "number", false, Value(d.Settings.SnapshotEveryStrain), "strain between crack snapshots in the report; 0: none"),
        ];
    }
}

using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Inputs;
using FractureLab.Fracture.Protocols;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Crystals;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;
using Tomlyn;
using Tomlyn.Model;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// A fracture run described in TOML (<c>fracturelab run RUN.toml</c>). Every section and key is optional and
/// defaults to the embedded job; an unknown section or key, or a value of the wrong kind, is an error naming
/// the file and the key.
/// <code>
/// [structure]  data = "glass.data"  (or shipped = "silica1800"), elements = "Si,O", replicate = [1, 1, 2] (as LAMMPS's replicate);
///              or cif = "crystal.cif", orient = [0, 0, 1] (a crystal); or build = "glass-ceramic", cif = "crystal.cif", grains = 2,
///              fraction = 0.15, shape = "sphere", orientations = "random", relax_ps = 5 (grains in the data/shipped glass)
/// [forcefield] name = "bks-wall", boron_n4 = 0.9 (fraction of four-fold boron, for du-teter with P2O5)
/// [crack]      kind = "centre"|"edge"|"none", length_fraction = 0.333, opening_A = 10, loading_axis = "z", crack_axis = "x", position = 0.5
/// [tension]    protocol = "A"|"B"|"C", strain_rate_per_s = 1e10, temperature_K = 300, max_strain = 0.5, record_every_strain = 0.002,
///              timestep_fs = 1, step_strain = 0.01, hold_ps = 2, separation_fraction = 0.1, separation_span = 0.03
/// [run]        seed = 1, relax_ps = 2, modulus_strain = 0.02, dump_every_records = 10, snapshot_every_strain = 0.02
/// </code>
/// </summary>
public sealed record RunConfig(
    string? DataFile,
    string Shipped,
    string? Elements,
    string ForceField,
    FractureJobSettings Settings,
    int DumpEveryRecords,
    double? BoronN4 = null,
    int[]? Replicate = null,
    CrystalSpec? Crystal = null,
    GlassCeramicSpec? GlassCeramic = null)
{
    /// <summary>
    /// Where a glass-ceramic structure is built and found again (<see cref="GlassCeramicCache"/>): the run's folder for
    /// <c>run</c>, the study's or campaign's structures folder for their pulls; unset, a <c>structures</c> folder beside the run file.
    /// </summary>
    public string? StructureCache { get; init; }

    /// <summary>The run file's folder (relative paths in it are relative to it).</summary>
    public string? BaseDir { get; init; }

    public const string DefaultShipped = "silica3600";
    public const string DefaultForceField = "bks-wall";

    /// <summary>
    /// The embedded default, which is also the default of every key of a run file: shipped BKS silica (3600 atoms,
    /// 37 × 19 × 74 Å, long along the loading axis z), centre crack 2a/W = 1/3 with an 8 Å opening, pulled at 1e10 1/s
    /// and 300 K under protocol A (lateral axes at zero stress, SCIENCE.md §2) to at most ε = 0.6. Measured on two
    /// cores (README): it separates near ε = 0.34 in about 4 minutes. The 1800-atom box of half the length flows to ε = 0.7-0.8
    /// under protocol A instead (too little stored elastic energy for the crack to run; README).
    /// </summary>
    public static RunConfig Default() => new(null, DefaultShipped, null, DefaultForceField,
        new FractureJobSettings(new PreCrackSpec(OpeningA: 8.0), new TensileSettings(Protocol: TensileProtocol.A, MaxStrain: 0.6)), 10);

    /// <summary>
    /// The glass this run starts from (the data file, else the shipped structure, replicated as asked) and a line that
    /// says where it came from (for plan.json and the report).
    /// </summary>
    public LoadedStructure LoadStructure(ProgressRunner? progress = null)
    {
        if (Crystal is { } cs)
        {
            // a crystal from its CIF: the replicate counts are the supercell (partial occupancies drawn over the whole box),
            // the orientation's direction along the loading axis, the charges the run's force field's
            var recipe = new CrystalRecipe(cs.Cif, cs.Orient, Settings.Crack.LoadingAxis, cs.StrainTolerance, Replicate ?? [1, 1, 1], null,
                cs.Substitute, cs.Compensate, ForceField, Settings.Seed);
            var built = recipe.Build();
            string orient = cs.Orient is null ? "default cell" : $"[{string.Join(",", cs.Orient)}] along {"xyz"[Settings.Crack.LoadingAxis]}";
            return new(built.System, $"crystal {cs.Cif} ({orient}, cell {built.Build.Orientation.Describe()}, {string.Join("x", recipe.Size!)} cells"
                + (cs.Substitute is null ? ")" : $", {cs.Substitute} compensated by {cs.Compensate ?? "nothing"})"));
        }
        string source = DataFile ?? $"embedded:{Shipped}.data";
        var elements = Elements?.Split(',', StringSplitOptions.TrimEntries);
        var glass = DataFile is not null ? LammpsDataReader.Read(DataFile, elements) : ShippedStructures.Read(Shipped, elements);
        if (Replicate is [var nx, var ny, var nz] && nx * ny * nz > 1)
        {
            glass = Replication.Replicate(glass, nx, ny, nz);
            source += $" replicated {nx}x{ny}x{nz}";
        }
        if (GlassCeramic is { } gc)
        {
            string root = StructureCache ?? Path.Combine(BaseDir ?? ".", "structures");
            var built = GlassCeramicCache.Load(gc, glass, source, Replicate, ForceField, Settings.Seed, root, progress ?? Progress.Silent);
            // the folder's name, not its path: a resume from another working folder or an --out spelt otherwise is the same plan
            return new(built.System, $"glass-ceramic {Path.GetFileName(built.Dir)} ({source} with {gc.Grains(Replicate)} {GrainShapes.NameOf(gc.Shape)} grains of {gc.Cif}, "
                + $"{gc.Fraction.ToString("0.###", CultureInfo.InvariantCulture)} by volume, seed {Settings.Seed}; grain and region per atom in {GlassCeramicCache.GroupsFile})",
                Path.Combine(built.Dir, GlassCeramicCache.GroupsFile));
        }
        return new(glass, source);
    }

    /// <summary>
    /// The force field of this run, resolved for the glass's composition. Core-shell ions run in uncracked pulls
    /// (<c>[crack] kind = "none"</c>, the thesis' Paper IV tension) and pre-cracked ones (the slit cuts whole ions,
    /// <see cref="PreCrack.Apply"/>). Toughness studies run them too (their J integral on ions: <c>IonFrames</c>), and so do
    /// LAMMPS decks (<see cref="LammpsCoreShell"/>). <paramref name="rigidFor"/> names a use that needs rigid ions (a
    /// K-field's held atoms).
    /// </summary>
    public ForceField ResolveForceField(AtomSystem glass, string? rigidFor = null)
    {
        var ff = ForceFieldCatalog.Resolve(ForceField, Composition.FromAtoms(glass), BoronN4);
        if (ff.Shells.Count == 0) return ff;
        if (rigidFor is not null)
            throw new InputException($"force field {ff.Name} has core-shell ions: {rigidFor} do not handle shells yet (run files, campaigns, toughness studies, their LAMMPS decks, md and eval do)");
        return ff;
    }

    /// <summary>
    /// The structure a run pulls and its force field: <see cref="LoadStructure"/>, the force field resolved for it, and the
    /// shells of a core-shell force field added (<see cref="WithShells"/>).
    /// </summary>
    public (LoadedStructure Structure, ForceField ForceField) LoadForRun(ProgressRunner? progress = null)
    {
        var loaded = LoadStructure(progress);
        var ff = ResolveForceField(loaded.Glass);
        return (WithShells(loaded, ff), ff);
    }

    /// <summary>
    /// The structure with the shells of a core-shell force field: as given when it holds them already (a LAMMPS data file
    /// with shell types), else one shell per polarizable ion added on its core (<see cref="Mechanics.Builders.ShellBuilder.AddShells"/>, 0.02 Å
    /// in a direction drawn from the run's seed; the runs minimize before any MD).
    /// </summary>
    public LoadedStructure WithShells(LoadedStructure structure, ForceField ff)
    {
        if (ff.Shells.Count == 0 || structure.Glass.TypeElements.Any(Mechanics.Elements.ElementTable.IsShell)) return structure;
        var shelled = Mechanics.Builders.ShellBuilder.AddShells(structure.Glass, ff, Mechanics.Builders.ShellBuilder.DefaultDisplacementA, Settings.Seed);
        string added = $"{shelled.Count - structure.Glass.Count} {string.Join(", ", ff.Shells.Select(d => d.Shell))} shells added on their cores (seed {Settings.Seed})";
        return structure with { Glass = shelled, Source = $"{structure.Source}; {added}" };
    }

    /// <summary>
    /// The run file as TOML (every setting spelled out), so a run can be repeated elsewhere: a Slurm task, or a
    /// later session.
    /// </summary>
    public string ToToml()
    {
        var ci = CultureInfo.InvariantCulture;
        string N(double v) => v.ToString("R", ci);
        var c = Settings.Crack;
        var t = Settings.Tension;
        string glassLine = DataFile is not null ? $"data = \"{DataFile.Replace("\\", "/")}\"" : $"shipped = \"{Shipped}\"";
        string structure = Crystal is { } cs ? cs.ToToml(N) : GlassCeramic is { } gc ? glassLine + "\n" + gc.ToToml(N) : glassLine;
        return $$"""
            [structure]
            {{structure}}
            {{(Elements is null ? "" : $"elements = \"{Elements}\"")}}
            {{(Replicate is null ? "" : $"replicate = [{string.Join(", ", Replicate)}]")}}
            [forcefield]
            name = "{{ForceField}}"
            {{(BoronN4 is { } b ? $"boron_n4 = {N(b)}" : "")}}
            [crack]
            kind = "{{c.Kind.ToString().ToLowerInvariant()}}"
            length_fraction = {{N(c.LengthFraction)}}
            opening_A = {{N(c.OpeningA)}}
            loading_axis = "{{"xyz"[c.LoadingAxis]}}"
            crack_axis = "{{"xyz"[c.CrackAxis]}}"
            position = {{N(c.PositionFraction)}}
            vacuum_A = {{N(c.VacuumA)}}
            [tension]
            protocol = "{{t.Protocol}}"
            strain_rate_per_s = {{N(t.StrainRatePerS)}}
            temperature_K = {{N(t.TemperatureK)}}
            max_strain = {{N(t.MaxStrain)}}
            record_every_strain = {{N(t.RecordEveryStrain)}}
            timestep_fs = {{N(t.TimestepFs)}}
            step_strain = {{N(t.StepStrain)}}
            hold_ps = {{N(t.HoldPs)}}
            separation_fraction = {{N(t.SeparationFraction)}}
            separation_span = {{N(t.SeparationSpan)}}
            [run]
            seed = {{Settings.Seed}}
            relax_ps = {{N(Settings.RelaxPs)}}
            modulus_strain = {{N(Settings.ModulusStrain)}}
            dump_every_records = {{DumpEveryRecords}}
            snapshot_every_strain = {{N(Settings.SnapshotEveryStrain)}}

            """;
    }

    public static RunConfig Load(string path)
    {
        var (root, r) = TomlFileReader.Open(path, "run", RunFileSchema.Schema);
        r.OnlySections(root);
        return FromTables(root, r, path);
    }

    /// <summary>The run's sections ([structure], [forcefield], [crack], [tension], [run]) of a parsed file; other sections are the caller's.</summary>
    internal static RunConfig FromTables(TomlTable root, TomlFileReader r, string path)
    {
        var d = Default();

        var st = r.Section(root, "structure");
        string? data = r.Text(st, "structure.data", null);
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (data is not null && !Path.IsPathRooted(data)) data = Path.Combine(baseDir, data);
        string? cif = r.Text(st, "structure.cif", null);
        if (cif is not null && !Path.IsPathRooted(cif)) cif = Path.Combine(baseDir, cif);
        string build = r.Text(st, "structure.build", "glass")!;
        if (build is not ("glass" or GlassCeramicSpec.Build))
            throw new InputException($"{path}: key 'structure.build' is '{build}', expected glass (the data or shipped structure as it is) or {GlassCeramicSpec.Build}");
        CrystalSpec? crystal = null;
        GlassCeramicSpec? glassCeramic = null;
        if (build == GlassCeramicSpec.Build)
        {
            if (cif is null) throw new InputException($"{path}: [structure] build = \"{GlassCeramicSpec.Build}\" needs 'structure.cif' (the crystal the grains are cut from)");
            foreach (string k in new[] { "orient", "strain_tolerance" })
                if (st!.ContainsKey(k)) throw new InputException($"{path}: key 'structure.{k}' is for a crystal box (cif without build); a glass-ceramic's grains take 'structure.orientations'");
            if (data is not null && st!.ContainsKey("shipped")) throw new InputException($"{path}: [structure] takes one of data or shipped as the glass of the glass-ceramic");
            glassCeramic = GlassCeramicSpec.Read(st!, r, path, cif);
        }
        else if (cif is not null)
        {
            if (data is not null || (st is not null && st.ContainsKey("shipped")))
                throw new InputException($"{path}: [structure] takes one of data, shipped or cif");
            int[]? orient = r.Integers(st, "structure.orient", 3);
            crystal = new CrystalSpec(cif, orient, r.Number(st, "structure.strain_tolerance", 0.01),
                r.Text(st, "structure.substitute", null), r.Text(st, "structure.compensate", null));
        }
        else foreach (string k in new[] { "orient", "strain_tolerance", "substitute", "compensate" })
                if (st is not null && st.ContainsKey(k)) throw new InputException($"{path}: key 'structure.{k}' needs 'structure.cif' (a crystal)");
        if (glassCeramic is null)
            foreach (string k in GlassCeramicSpec.OwnKeys)
                if (st is not null && st.ContainsKey(k)) throw new InputException($"{path}: key 'structure.{k}' needs build = \"{GlassCeramicSpec.Build}\"");
        string shipped = r.Text(st, "structure.shipped", d.Shipped)!;
        string? elements = r.Text(st, "structure.elements", null);
        int[]? replicate = r.Counts(st, "structure.replicate");
        var ffs = r.Section(root, "forcefield");
        string ff = r.Text(ffs, "forcefield.name", d.ForceField)!;
        double? n4 = ffs is not null && ffs.ContainsKey("boron_n4") ? r.Number(ffs, "forcefield.boron_n4", 0) : null;

        var c = r.Section(root, "crack");
        var dc = d.Settings.Crack;
        string kind = r.Text(c, "crack.kind", "centre")!;
        var crack = new PreCrackSpec(
            kind switch { "centre" or "center" => CrackKind.Centre, "edge" => CrackKind.Edge, "none" => CrackKind.None, _ => throw new InputException($"{path}: key 'crack.kind' is '{kind}', expected centre, edge or none") },
            r.Axis(c, "crack.loading_axis", dc.LoadingAxis), r.Axis(c, "crack.crack_axis", dc.CrackAxis),
            r.Number(c, "crack.length_fraction", dc.LengthFraction), r.Number(c, "crack.opening_A", dc.OpeningA),
            r.Number(c, "crack.position", dc.PositionFraction), r.Number(c, "crack.vacuum_A", dc.VacuumA));

        var t = r.Section(root, "tension");
        var dt = d.Settings.Tension;
        string protocol = r.Text(t, "tension.protocol", dt.Protocol.ToString())!;
        var tension = new TensileSettings(
            protocol.ToUpperInvariant() switch { "A" => TensileProtocol.A, "B" => TensileProtocol.B, "C" => TensileProtocol.C, _ => throw new InputException($"{path}: key 'tension.protocol' is '{protocol}', expected A, B or C") },
            crack.LoadingAxis,
            r.Number(t, "tension.strain_rate_per_s", dt.StrainRatePerS), r.Number(t, "tension.temperature_K", dt.TemperatureK),
            r.Number(t, "tension.max_strain", dt.MaxStrain), r.Number(t, "tension.record_every_strain", dt.RecordEveryStrain),
            r.Number(t, "tension.timestep_fs", dt.TimestepFs), r.Number(t, "tension.step_strain", dt.StepStrain),
            r.Number(t, "tension.hold_ps", dt.HoldPs), r.Number(t, "tension.separation_fraction", dt.SeparationFraction),
            r.Number(t, "tension.separation_span", dt.SeparationSpan));

        var rn = r.Section(root, "run");
        double every = r.Number(rn, "run.snapshot_every_strain", d.Settings.SnapshotEveryStrain);
        if (every < 0) throw new InputException($"{path}: key 'run.snapshot_every_strain' is {every}; it must be 0 (no snapshots) or positive");
        var settings = new FractureJobSettings(crack, tension, r.Number(rn, "run.modulus_strain", d.Settings.ModulusStrain),
            r.Number(rn, "run.relax_ps", d.Settings.RelaxPs), r.Integer(rn, "run.seed", d.Settings.Seed), SnapshotEveryStrain: every);
        int dump = r.Integer(rn, "run.dump_every_records", d.DumpEveryRecords);
        crack.Check();
        tension.Check();
        return new RunConfig(data, shipped, elements, ff, settings, dump, n4, replicate, crystal, glassCeramic) { BaseDir = baseDir };
    }
}

/// <summary>A run's structure, where it came from, and the file of its atom groups (a glass-ceramic's grains.csv), if any.</summary>
public sealed record LoadedStructure(AtomSystem Glass, string Source, string? GroupsFile = null)
{
    public void Deconstruct(out AtomSystem glass, out string source) => (glass, source) = (Glass, Source);
}

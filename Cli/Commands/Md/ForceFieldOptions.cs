using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Engines;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>The options shared by every command that evaluates a force field on a data file.</summary>
public sealed class ForceFieldOptions
{
    /// <summary>The structure option: <c>--data</c>, or another name where a command reads several structures (neb: <c>--initial</c>).</summary>
    public Option<string> Data { get; }

    public ForceFieldOptions(string dataOption = "--data", string dataDescription = "LAMMPS data file (atom_style charge or atomic)") =>
        Data = new(dataOption) { Description = dataDescription, Required = true };

    public Option<string> ForceField { get; } = new("--forcefield") { Description = "shipped force field name or a TOML file", Required = true };
    public Option<string?> Coulomb { get; } = new("--coulomb") { Description = "override the Coulomb method: dsf, wolf, ewald, pppm (mesh Ewald), none" };
    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Coulomb damping / Ewald splitting alpha (1/Å)" };
    public Option<double?> Cutoff { get; } = new("--cutoff") { Description = "short-range cut-off for every pair (Å)" };
    public Option<double?> CoulombCutoff { get; } = new("--coulomb-cutoff") { Description = "Coulomb (real-space) cut-off (Å)" };
    public Option<double?> EwaldAccuracy { get; } = new("--kspace-accuracy") { Description = "Ewald / pppm relative force accuracy (default 1e-6; LAMMPS decks often use 1e-5)" };
    public Option<int?> KspaceOrder { get; } = new("--kspace-order") { Description = "pppm B-spline order (3-10; default: the cheapest of 5, 6, 7 that reaches the accuracy)" };
    public Option<string?> KspaceGrid { get; } = new("--kspace-grid") { Description = "pppm grid, e.g. 32,32,48 (default: chosen for the accuracy)" };
    public Option<string?> Erfc { get; } = new("--erfc") { Description = "erfc for the Coulomb pair term: exact or abramowitz-stegun (default: as LAMMPS 20220106)" };
    public Option<string?> Elements { get; } = new("--elements") { Description = "element of each atom type, e.g. Si,O" };
    public Option<double?> BoronN4 { get; } = new("--boron-n4") { Description = "four-fold boron fraction for the Deng-Du B-O term" };
    public BackendOptions BackendOptions { get; } = new();

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Data, ForceField, Coulomb, Alpha, Cutoff, CoulombCutoff, EwaldAccuracy, KspaceOrder, KspaceGrid, Erfc, Elements, BoronN4 })
            c.Options.Add(o);
        BackendOptions.AddTo(c);
    }

    /// <summary>Reads the data file and binds the force field to it, applying the overrides.</summary>
    public BoundSystem Bind(ParseResult p)
    {
        string? els = p.GetValue(Elements);
        var elements = els?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var system = LammpsDataReader.Read(p.GetValue(Data)!, elements);
        var ff = ForceFieldCatalog.Resolve(p.GetValue(ForceField)!, Composition.FromAtoms(system), p.GetValue(BoronN4));
        var coulomb = ff.Coulomb;
        string? method = p.GetValue(Coulomb);
        if (method is not null)
        {
            var m = method switch
            {
                "dsf" => CoulombMethod.Dsf, "wolf" => CoulombMethod.Wolf, "ewald" => CoulombMethod.Ewald, "pppm" => CoulombMethod.Pppm, "none" => CoulombMethod.None,
                _ => throw new InputException($"--coulomb '{method}': expected dsf, wolf, ewald, pppm or none"),
            };
            double defaultAlpha = m is CoulombMethod.Ewald or CoulombMethod.Pppm ? 0 : (coulomb.Method is CoulombMethod.Dsf or CoulombMethod.Wolf ? coulomb.Alpha : 0.2);
            double defaultCut = coulomb.Method == CoulombMethod.None ? 10.0 : coulomb.Cutoff;
            coulomb = new CoulombSettings(m, defaultAlpha, defaultCut, CoulombSettings.LammpsErfc(m), coulomb.EwaldAccuracy);
        }
        if (p.GetValue(Alpha) is { } a)
        {
            if (a < 0 || (a == 0 && !coulomb.IsEwaldSplit)) throw new InputException($"--alpha must be positive, got {a}");
            coulomb = coulomb with { Alpha = a };
        }
        if (p.GetValue(CoulombCutoff) is { } rc)
        {
            if (!(rc > 0)) throw new InputException($"--coulomb-cutoff must be positive, got {rc}");
            coulomb = coulomb with { Cutoff = rc };
        }
        if (p.GetValue(EwaldAccuracy) is { } acc)
        {
            if (!(acc > 0 && acc < 1)) throw new InputException($"--kspace-accuracy must lie in (0, 1), got {acc}");
            coulomb = coulomb with { EwaldAccuracy = acc };
        }
        if (p.GetValue(KspaceOrder) is { } order)
        {
            if (order < 3 || order > 10) throw new InputException($"--kspace-order must be 3 to 10, got {order}");
            coulomb = coulomb with { MeshOrder = order };
        }
        if (p.GetValue(KspaceGrid) is { } gridText)
        {
            var parts = gridText.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !parts.All(x => int.TryParse(x, out int g) && g > 0))
                throw new InputException($"--kspace-grid '{gridText}': expected three positive integers, e.g. 32,32,48");
            coulomb = coulomb with { MeshGrid = parts.Select(int.Parse).ToArray() };
        }
        if ((p.GetValue(KspaceOrder) is not null || p.GetValue(KspaceGrid) is not null) && coulomb.Method != CoulombMethod.Pppm)
            throw new InputException("--kspace-order and --kspace-grid apply to --coulomb pppm only");
        if (p.GetValue(Erfc) is { } e)
            coulomb = coulomb with
            {
                Erfc = e switch
                {
                    "exact" => ErfcFlavor.Exact, "abramowitz-stegun" => ErfcFlavor.AbramowitzStegun,
                    _ => throw new InputException($"--erfc '{e}': expected exact or abramowitz-stegun"),
                },
            };
        if (coulomb.Method == CoulombMethod.Dsf && !(coulomb.Alpha > 0)) throw new InputException("dsf needs --alpha > 0");
        double? cut = p.GetValue(Cutoff);
        if (cut is not null && !(cut > 0)) throw new InputException($"--cutoff must be positive, got {cut}");
        var compiled = new CompiledForceField(ff, system, cut, coulomb);
        Overlaps.Check(system, compiled);
        var choice = BackendOptions.Choice(p);
        return new BoundSystem(system, compiled, choice.Create(), choice);
    }
}

/// <summary>A system bound to its force field and back end; disposing it frees the back end's accelerator (the choice owns it).</summary>
public sealed record BoundSystem(AtomSystem System, CompiledForceField ForceField, IPairBackend Backend, BackendChoice Choice) : IDisposable
{
    public void Deconstruct(out AtomSystem system, out CompiledForceField forceField, out IPairBackend backend) =>
        (system, forceField, backend) = (System, ForceField, Backend);

    public void Dispose() => Choice.Dispose();
}

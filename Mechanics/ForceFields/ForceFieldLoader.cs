using System.Globalization;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Potentials;
using Tomlyn;
using Tomlyn.Model;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// Reads a force-field TOML file (schema "fracturelab.forcefield/1"). Every error names the file and
/// the key. Composition-dependent terms (Deng-Du B-O) are resolved against <see cref="Composition"/>.
/// </summary>
public static class ForceFieldLoader
{
    public const string Schema = "fracturelab.forcefield/1";

    /// <summary>The top-level keys and sections of a force-field file; anything else is a misspelling and an error.</summary>
    public static string[] RootKeys => [.. ForceFieldSchema.Keys.Select(k => k.Path.Split('.', '[')[0]).Distinct()];

    /// <summary>The keys of one section of the file, from <see cref="ForceFieldSchema"/>.</summary>
    private static string[] SectionKeys(string section) =>
        [.. ForceFieldSchema.Keys.Where(k => k.Path.StartsWith(section + ".", StringComparison.Ordinal)).Select(k => k.Path[(section.Length + 1)..])];

    /// <summary>The parameters each pair style takes (besides elements, style and cutoff), from the style registry.</summary>
    public static IReadOnlyDictionary<string, string[]> StyleKeys { get; } = PairStyles.All.ToDictionary(d => d.Name, d => d.Keys);

    public static ForceField Parse(string text, string source, Composition? composition = null, double? boronN4 = null)
    {
        TomlTable root;
        try { root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable(); }
        catch (TomlException e) { throw new InputException($"{source}: not valid TOML: {e.Message}"); }

        var ctx = new Reader(source);
        KeySuggestions.Only(source, root.Keys, "", RootKeys);
        string schema = ctx.String(root, "schema");
        if (schema != Schema) throw new InputException($"{source}: key 'schema' is '{schema}', expected '{Schema}'");
        string name = ctx.String(root, "name");
        string citation = ctx.String(root, "citation");
        var assumptions = new List<string>();

        var charges = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in ctx.Table(root, "charges"))
            charges[kv.Key] = ctx.Number(kv.Value, $"charges.{kv.Key}");

        var sr = ctx.Table(root, "short_range");
        KeySuggestions.Only(source, sr.Keys, "short_range.", SectionKeys("short_range"));
        double cutoff = ctx.PositiveNumber(sr, "cutoff", "short_range.cutoff");
        bool shift = sr.TryGetValue("shift_energy", out var sh) && ctx.Bool(sh, "short_range.shift_energy");
        bool unlistedCoulombOnly = !root.TryGetValue("unlisted_pairs", out var up) ||
            ctx.Choice(up, "unlisted_pairs", "coulomb-only", "error") == "coulomb-only";

        var coulomb = ReadCoulomb(ctx, root);
        var pairs = new List<PairDefinition>();
        if (root.TryGetValue("pairs", out var pairsObj))
        {
            if (pairsObj is not TomlTableArray arr) throw new InputException($"{source}: key 'pairs' must be an array of tables ([[pairs]])");
            for (int k = 0; k < arr.Count; k++)
                pairs.Add(ReadPair(ctx, arr[k], $"pairs[{k}]", composition, boronN4, assumptions));
        }
        for (int a = 0; a < pairs.Count; a++)
            for (int b = a + 1; b < pairs.Count; b++)
                if (pairs[b].Matches(pairs[a].ElementA, pairs[a].ElementB))
                    throw new InputException($"{source}: pairs[{b}] repeats the pair {pairs[a].ElementA}-{pairs[a].ElementB} of pairs[{a}]");
        if (shift) assumptions.Add("short-range energies shifted to zero at the cut-off");
        var shells = ReadShells(ctx, root, charges);
        foreach (var shellDef in shells)
            assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                $"core-shell {shellDef.Core}/{shellDef.Shell}: spring E = 1/2 k r^2 with k = {shellDef.SpringEvPerA2:G6} eV/A^2 (the file's {shellDef.Convention}), shell mass {shellDef.ShellMassAmu:G4} amu, own Coulomb pair removed as {(shellDef.Exclusion == CoreShellExclusion.Bare ? "the bare k q q/r (LAMMPS CORESHELL)" : "the whole real-space pair term")}"));
        return new ForceField(name, citation, source, charges, pairs, cutoff, shift, unlistedCoulombOnly, coulomb, assumptions) { Shells = shells };
    }

    public static ForceField LoadFile(string path, Composition? composition = null, double? boronN4 = null)
    {
        IO.InputFiles.Require(path, "force field file");
        return Parse(File.ReadAllText(path), path, composition, boronN4);
    }

    /// <summary>
    /// [[shells]]: core, shell (core + "_s"), k (eV/Å²) with energy = "half_k_r2" (GULP, ½kr²) or "k_r2" (the thesis' Eq. 2.11
    /// and LAMMPS's bond harmonic, k·r²; stored as 2k), shell_mass_amu, max_separation_A (default 0.5).
    /// </summary>
    private static List<ShellDefinition> ReadShells(Reader ctx, TomlTable root, Dictionary<string, double> charges)
    {
        var list = new List<ShellDefinition>();
        if (!root.TryGetValue("shells", out var obj)) return list;
        if (obj is not TomlTableArray arr) throw new InputException($"{ctx.Source}: key 'shells' must be an array of tables ([[shells]])");
        for (int k = 0; k < arr.Count; k++)
        {
            var t = arr[k];
            string key = $"shells[{k}]";
            KeySuggestions.Only(ctx.Source, t.Keys, key + ".", SectionKeys("shells[]"));
            string core = ctx.Get(t, "core", $"{key}.core") as string ?? throw new InputException($"{ctx.Source}: key '{key}.core' must be a string");
            string shell = ctx.Get(t, "shell", $"{key}.shell") as string ?? throw new InputException($"{ctx.Source}: key '{key}.shell' must be a string");
            if (shell != core + Elements.ElementTable.ShellSuffix)
                throw new InputException($"{ctx.Source}: key '{key}.shell' is '{shell}'; the shell of {core} is named '{core}{Elements.ElementTable.ShellSuffix}'");
            foreach (var species in new[] { core, shell })
                if (!charges.ContainsKey(species)) throw new InputException($"{ctx.Source}: {key}: no charge for '{species}' in [charges] (core and shell each carry one)");
            double k0 = ctx.PositiveNumber(t, "k", $"{key}.k");
            string convention = ctx.Choice(ctx.Get(t, "energy", $"{key}.energy"), $"{key}.energy", "half_k_r2", "k_r2");
            double mass = ctx.PositiveNumber(t, "shell_mass_amu", $"{key}.shell_mass_amu");
            double maxSep = t.ContainsKey("max_separation_A") ? ctx.PositiveNumber(t, "max_separation_A", $"{key}.max_separation_A") : 0.5;
            var exclusion = t.TryGetValue("exclusion", out var ex) && ctx.Choice(ex, $"{key}.exclusion", "bare", "pair") == "pair" ? CoreShellExclusion.Pair : CoreShellExclusion.Bare;
            if (list.Any(x => x.Core == core)) throw new InputException($"{ctx.Source}: {key} repeats the shell of {core}");
            list.Add(new ShellDefinition(core, shell, convention == "k_r2" ? 2 * k0 : k0, mass, maxSep,
                convention == "k_r2" ? "k r^2 convention (k doubled)" : "1/2 k r^2 convention", exclusion));
        }
        return list;
    }

    private static CoulombSettings ReadCoulomb(Reader ctx, TomlTable root)
    {
        if (!root.TryGetValue("coulomb", out var cObj)) return CoulombSettings.None;
        if (cObj is not TomlTable c) throw new InputException($"{ctx.Source}: key 'coulomb' must be a table");
        KeySuggestions.Only(ctx.Source, c.Keys, "coulomb.", SectionKeys("coulomb"));
        string m = ctx.Choice(ctx.Get(c, "method", "coulomb.method"), "coulomb.method", "none", "dsf", "wolf", "ewald", "pppm");
        var method = m switch { "dsf" => CoulombMethod.Dsf, "wolf" => CoulombMethod.Wolf, "ewald" => CoulombMethod.Ewald, "pppm" => CoulombMethod.Pppm, _ => CoulombMethod.None };
        if (method == CoulombMethod.None) return CoulombSettings.None;
        double cutoff = ctx.PositiveNumber(c, "cutoff", "coulomb.cutoff");
        double alpha = method is CoulombMethod.Ewald or CoulombMethod.Pppm
            ? (c.TryGetValue("alpha", out var ea) ? ctx.Number(ea, "coulomb.alpha") : 0.0)
            : ctx.PositiveNumber(c, "alpha", "coulomb.alpha");
        double accuracy = c.TryGetValue("accuracy", out var acc) ? ctx.Number(acc, "coulomb.accuracy") : 1e-6;
        if (method is CoulombMethod.Ewald or CoulombMethod.Pppm && !(accuracy > 0 && accuracy < 1))
            throw new InputException($"{ctx.Source}: key 'coulomb.accuracy' must lie in (0, 1), got {accuracy}");
        int order = c.TryGetValue("order", out var o) ? (int)ctx.Number(o, "coulomb.order") : 0;
        if (order != 0 && (order < 3 || order > 10)) throw new InputException($"{ctx.Source}: key 'coulomb.order' must be 3 to 10 (or 0 for automatic), got {order}");
        int[]? grid = null;
        if (c.TryGetValue("grid", out var g))
        {
            if (g is not TomlArray ga || ga.Count != 3 || ga.Any(x => x is not long n || n <= 0))
                throw new InputException($"{ctx.Source}: key 'coulomb.grid' must be three positive integers, e.g. [32, 32, 48]");
            grid = ga.Select(x => (int)(long)x!).ToArray();
        }
        var erfc = CoulombSettings.LammpsErfc(method);
        if (c.TryGetValue("erfc", out var e))
            erfc = ctx.Choice(e, "coulomb.erfc", "exact", "abramowitz-stegun") == "exact" ? ErfcFlavor.Exact : ErfcFlavor.AbramowitzStegun;
        return new CoulombSettings(method, alpha, cutoff, erfc, accuracy, order, grid);
    }

    private static PairDefinition ReadPair(Reader ctx, TomlTable t, string key, Composition? composition, double? boronN4, List<string> assumptions)
    {
        var els = ctx.Get(t, "elements", $"{key}.elements") as TomlArray;
        if (els is null || els.Count != 2 || els[0] is not string ea || els[1] is not string eb)
            throw new InputException($"{ctx.Source}: key '{key}.elements' must be two element names, e.g. [\"Si\", \"O\"]");
        string style = ctx.Choice(ctx.Get(t, "style", $"{key}.style"), $"{key}.style", [.. PairStyles.Names]);
        var definition = PairStyles.Find(style)!;
        KeySuggestions.Only(ctx.Source, t.Keys, key + ".", ["elements", "style", "cutoff", .. definition.Keys]);
        double? cutoff = t.TryGetValue("cutoff", out var co) ? ctx.Number(co, $"{key}.cutoff") : null;
        if (cutoff is <= 0) throw new InputException($"{ctx.Source}: key '{key}.cutoff' must be positive, got {cutoff}");
        ShortRangePair term = definition.Read is { } read
            ? read(new PairParameters(ctx, t, key))
            : new ShortRangePair { Style = PairStyle.CoreBuckingham, Core = ReadCore(ctx, t, key, ea, eb, composition, boronN4, assumptions) };
        return new PairDefinition(ea, eb, term, cutoff);
    }

    private static CoreBuckinghamParameters ReadCore(Reader ctx, TomlTable t, string key, string ea, string eb, Composition? composition, double? boronN4, List<string> assumptions)
    {
        double rho = Positive(ctx, ctx.Number(ctx.Get(t, "rho", $"{key}.rho"), $"{key}.rho"), $"{key}.rho");
        double c = ctx.Number(ctx.Get(t, "C", $"{key}.C"), $"{key}.C");
        double a;
        var aObj = ctx.Get(t, "A", $"{key}.A");
        if (aObj is string s)
        {
            if (s != "deng-du") throw new InputException($"{ctx.Source}: key '{key}.A' is '{s}': give a number or \"deng-du\"");
            // a system without boron never uses the B-O term: leave it empty rather than ask for an N4 that means nothing
            if (composition is not null && composition.Count("B") == 0) return new CoreBuckinghamParameters(0, rho, 0, 0, 0, 0, 0);
            a = DengDuA(ctx, key, composition, boronN4, assumptions);
        }
        else a = ctx.Number(aObj, $"{key}.A");

        if (!t.TryGetValue("r0", out var r0Obj))
            return new CoreBuckinghamParameters(a, rho, c, 0, 0, 0, 0); // no core: plain Buckingham (e.g. Li-O with C = 0)
        double r0 = ctx.Number(r0Obj, $"{key}.r0");
        if (t.ContainsKey("B") && t.ContainsKey("n") && t.ContainsKey("D"))
            return new CoreBuckinghamParameters(a, rho, c, ctx.Number(t["B"], $"{key}.B"), ctx.Number(t["n"], $"{key}.n"), ctx.Number(t["D"], $"{key}.D"), r0);
        var solved = CoreBuckinghamSolver.Solve(a, rho, c, r0);
        assumptions.Add(string.Create(CultureInfo.InvariantCulture,
            $"{ea}-{eb} core solved for continuous U, U', U'' at r0 = {r0} Å: B = {solved.B:G8}, n = {solved.N:G8}, D = {solved.D:G8}"));
        return solved;
    }

    private static double DengDuA(Reader ctx, string key, Composition? composition, double? boronN4, List<string> assumptions)
    {
        if (composition is null)
            throw new InputException($"{ctx.Source}: key '{key}.A' = \"deng-du\" needs the system's composition; load the force field for a structure");
        var (r, k) = DengDuBoronOxygen.Ratios(composition);
        bool outsideModel = composition.Count("P") > 0;
        double? n4 = boronN4 ?? (outsideModel ? null : DengDuBoronOxygen.DellBrayN4(r, k));
        if (n4 is null)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{ctx.Source}: key '{key}.A' = \"deng-du\": the Dell-Bray model does not cover this composition (R = {r:F4}, K = {k:F4}{(outsideModel ? ", P2O5 present" : "")}); give the four-fold boron fraction with --boron-n4 or a number for A"));
        double a = DengDuBoronOxygen.A(r, k, n4.Value);
        assumptions.Add(string.Create(CultureInfo.InvariantCulture,
            $"B-O A = {a:F4} eV from Deng-Du A(R,K) with R = {r:F4}, K = {k:F4}, N4 = {n4:F4} ({(boronN4 is null ? "Dell-Bray" : "given")}); Deng-Du calibrated boron for borosilicates"));
        return a;
    }

    /// <summary>A [[pairs]] entry's parameters for a style's reader, errors naming the file and the key.</summary>
    private sealed class PairParameters(Reader ctx, TomlTable t, string key) : IPairParameters
    {
        public double Number(string k) => ctx.Number(ctx.Get(t, k, $"{key}.{k}"), $"{key}.{k}");
        public double Positive(string k) => ForceFieldLoader.Positive(ctx, Number(k), $"{key}.{k}");
        public double Optional(string k, double fallback) => t.TryGetValue(k, out var v) ? ctx.Number(v, $"{key}.{k}") : fallback;
    }

    private static double Positive(Reader ctx, double v, string key) =>
        v > 0 ? v : throw new InputException($"{ctx.Source}: key '{key}' must be positive, got {v}");

    /// <summary>Typed access to TOML values with errors naming the file and key.</summary>
    private sealed class Reader(string source)
    {
        public string Source => source;

        public object Get(TomlTable t, string k, string path) =>
            t.TryGetValue(k, out var v) ? v : throw new InputException($"{source}: missing key '{path}'");

        public TomlTable Table(TomlTable t, string k) =>
            Get(t, k, k) as TomlTable ?? throw new InputException($"{source}: key '{k}' must be a table");

        public string String(TomlTable t, string k) =>
            Get(t, k, k) as string ?? throw new InputException($"{source}: key '{k}' must be a string");

        public double Number(object v, string path) => v switch
        {
            double d when double.IsFinite(d) => d,
            long l => l,
            _ => throw new InputException($"{source}: key '{path}' must be a finite number, got '{v}'"),
        };

        public double PositiveNumber(TomlTable t, string k, string path)
        {
            double v = Number(Get(t, k, path), path);
            return v > 0 ? v : throw new InputException($"{source}: key '{path}' must be positive, got {v}");
        }

        public bool Bool(object v, string path) => v as bool? ?? throw new InputException($"{source}: key '{path}' must be true or false");

        public string Choice(object v, string path, params string[] allowed) =>
            v is string s && allowed.Contains(s) ? s
                : throw new InputException($"{source}: key '{path}' is '{v}', expected one of {string.Join(", ", allowed)}");
    }
}

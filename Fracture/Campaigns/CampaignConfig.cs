using System.Globalization;
using FractureLab.Fracture.Inputs;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using Tomlyn.Model;

using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Campaigns;

/// <summary>
/// One composition of a campaign: where its glass comes from (a shipped structure, a data file, or built by
/// random insertion and melt-quench from a composition, one glass per replica), its force field and a numeric
/// x for plots (e.g. mol% Li2O).
/// </summary>
public sealed record CampaignComposition(
    string Label,
    double? X,
    string? Shipped,
    string? DataFile,
    string? Build,
    int Atoms,
    double DensityGPerCm3,
    string Aspect,
    double QuenchRateKPerPs,
    double MeltPs,
    double RelaxPs,
    string ForceField,
    string? Elements,
    double? BoronN4 = null,
    double? CrystalFraction = null)
{
    /// <summary>
    /// The glass-ceramic of this composition's runs: the base file's (<c>[structure] build = "glass-ceramic"</c>) with this
    /// composition's crystal fraction (0: no grains, the glass minimized and relaxed as the glass-ceramics are, the series'
    /// control), the base's when the composition sets none.
    /// </summary>
    public GlassCeramicSpec? GlassCeramicOf(GlassCeramicSpec? fromBase) => CrystalFraction is { } f ? fromBase! with { Fraction = f } : fromBase;
}

/// <summary>
/// The ion-dynamics axis of a campaign: per composition and replica, an NVT run at each temperature (K) for
/// <see cref="Ps"/> ps writing image-flagged frames every <see cref="DumpEverySteps"/> steps, analysed for the
/// diffusion of <see cref="Species"/> after <see cref="SkipPs"/> ps of equilibration, then one Arrhenius fit per
/// composition.
/// </summary>
public sealed record DiffusionAxis(IReadOnlyList<double> TemperaturesK, string Species, double Ps, double SkipPs, int DumpEverySteps, double TimestepFs)
{
    public long Steps => (long)Math.Round(Ps / (TimestepFs * MetalUnits.Femtosecond));
}

/// <summary>
/// A campaign file (<c>fracturelab campaign CAMPAIGN.toml</c>): compositions × replicas (seeds 1..n) × strain rates ×
/// protocols (protocols = [] for none), every run otherwise as the base run file says; and optionally the
/// ion-dynamics axis (NVT runs at several temperatures). Unknown keys are errors naming file and key.
/// <code>
/// [campaign]  replicas = 3, strain_rates_per_s = [1e10], protocols = ["A"], base = "run.toml"
/// [[composition]]  label = "38LiBP", x = 38, build = "Li2O = 38, B2O3 = 31, P2O5 = 31", atoms = 1800, density = 2.3, boron_n4 = 0.9,
///                  aspect = "2,1,2", quench_rate = 100, melt_ps = 10, relax_ps = 10, forcefield = "du-teter"
/// [[composition]]  label = "silica", shipped = "silica1800", forcefield = "bks-wall"
/// [[composition]]  label = "GC15", data = "latp.data", crystal_fraction = 0.15, forcefield = "pedone2006" (base or study: build = "glass-ceramic")
/// [diffusion]  temperatures_K = [1000, 1200, 1400], species = "Li", ps = 40, skip_ps = 5, dump_every_steps = 100, timestep_fs = 1
/// </code>
/// </summary>
public sealed record CampaignConfig(
    string Source,
    int Replicas,
    IReadOnlyList<double> StrainRatesPerS,
    IReadOnlyList<TensileProtocol> Protocols,
    string? BaseRunFile,
    IReadOnlyList<CampaignComposition> Compositions,
    DiffusionAxis? Diffusion = null)
{
    /// <summary>
    /// A toughness study file (<c>campaign.study</c>, full path) run once per composition on its glass
    /// (<see cref="CampaignToughness"/>), or null for none.
    /// </summary>
    public string? StudyFile { get; init; }

    public static CampaignConfig Load(string path)
    {
        var (root, r) = TomlFileReader.Open(path, "campaign", CampaignFileSchema.Schema);
        r.OnlySections(root);
        var schema = CampaignFileSchema.Schema;
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var c = r.Section(root, "campaign") ?? new TomlTable();
        int replicas = r.Integer(c, "campaign.replicas", CampaignDefaults.Replicas);
        if (replicas < 1) throw new InputException($"{path}: key 'campaign.replicas' must be at least 1");
        var rates = r.Numbers(c, "campaign.strain_rates_per_s") ?? [CampaignDefaults.StrainRatePerS];
        if (rates.Any(r => !(r > 0))) throw new InputException($"{path}: key 'campaign.strain_rates_per_s' must hold positive rates");
        string? studyFile = r.Text(c, "campaign.study", null);
        if (studyFile is not null && !Path.IsPathRooted(studyFile)) studyFile = Path.Combine(dir, studyFile);
        if (studyFile is not null && !File.Exists(studyFile)) throw new InputException($"{path}: key 'campaign.study': file {studyFile} does not exist");
        // with a toughness study the fracture runs are the study's own pulls: no protocol runs unless asked for
        var protocols = (r.Strings(c, "campaign.protocols") ?? (studyFile is null ? ["A"] : [])).Select(p => p.ToUpperInvariant() switch
        {
            "A" => TensileProtocol.A, "B" => TensileProtocol.B, "C" => TensileProtocol.C,
            _ => throw new InputException($"{path}: key 'campaign.protocols' has '{p}', expected A, B or C"),
        }).ToList();
        string? baseFile = r.Text(c, "campaign.base", null);
        if (baseFile is not null && !Path.IsPathRooted(baseFile)) baseFile = Path.Combine(dir, baseFile);

        if (!root.TryGetValue("composition", out var compObj) || compObj is not TomlTableArray arr || arr.Count == 0)
            throw new InputException($"{path}: needs at least one [[composition]]");
        var comps = new List<CampaignComposition>();
        // the run sections a crystal_fraction applies to (the study's, else the base file's), read once when a composition has one
        var grainsBase = new Lazy<RunConfig?>(() => studyFile is not null ? ToughnessStudy.Load(studyFile).Base : baseFile is not null ? RunConfig.Load(baseFile) : null);
        for (int i = 0; i < arr.Count; i++)
        {
            var t = arr[i];
            string p = $"composition[{i}].";
            r.Only(t, p, schema.KeysIn("composition"));
            string label = r.Text(t, p + "label", null) ?? throw new InputException($"{path}: key '{p}label' is missing");
            if (comps.Any(o => o.Label == label)) throw new InputException($"{path}: label '{label}' appears twice");
            string? shipped = r.Text(t, p + "shipped", null), data = r.Text(t, p + "data", null), build = r.Text(t, p + "build", null);
            if ((shipped is null ? 0 : 1) + (data is null ? 0 : 1) + (build is null ? 0 : 1) != 1)
                throw new InputException($"{path}: composition '{label}' needs exactly one of shipped, data or build");
            if (data is not null && !Path.IsPathRooted(data)) data = Path.Combine(dir, data);
            double? x = t.ContainsKey("x") ? r.Number(t, p + "x", 0) : null;
            comps.Add(new CampaignComposition(label, x, shipped, data, build,
                r.Integer(t, p + "atoms", CampaignDefaults.Atoms), r.Number(t, p + "density", CampaignDefaults.DensityGCm3), r.Text(t, p + "aspect", CampaignDefaults.Aspect)!,
                r.Number(t, p + "quench_rate", CampaignDefaults.QuenchRateKPerPs), r.Number(t, p + "melt_ps", CampaignDefaults.MeltPs), r.Number(t, p + "relax_ps", CampaignDefaults.RelaxPs),
                r.Text(t, p + "forcefield", null) ?? throw new InputException($"{path}: key '{p}forcefield' is missing"),
                r.Text(t, p + "elements", null),
                t.ContainsKey("boron_n4") ? r.Number(t, p + "boron_n4", 0) : null,
                t.ContainsKey("crystal_fraction") ? r.Number(t, p + "crystal_fraction", 0) : null));
            if (comps[^1].CrystalFraction is { } cf)
            {
                if (!(cf >= 0 && cf < 1)) throw new InputException($"{path}: key '{p}crystal_fraction' is {cf}; it must lie in [0, 1) (0: the glass without grains, relaxed as the glass-ceramics are)");
                if (grainsBase.Value?.GlassCeramic is null)
                    throw new InputException($"{path}: key '{p}crystal_fraction' needs a {(studyFile is not null ? "campaign.study" : "campaign.base")} file with [structure] build = \"{GlassCeramicSpec.Build}\" (the grains' crystal and shape)");
            }
        }
        var config = new CampaignConfig(path, replicas, rates, protocols, baseFile, comps, ReadDiffusion(path, root, r)) { StudyFile = studyFile };
        // read every composition's study now, so a bad study file fails before any glass is built
        if (studyFile is not null) foreach (var comp in comps) CampaignToughness.StudyOf(config, comp, glassFile: null);
        return config;
    }

    private static DiffusionAxis? ReadDiffusion(string path, TomlTable root, TomlFileReader r)
    {
        if (r.Section(root, "diffusion") is not { } t) return null;
        var temps = r.Numbers(t, "diffusion.temperatures_K") ?? throw new InputException($"{path}: key 'diffusion.temperatures_K' is missing");
        if (temps.Count == 0 || temps.Any(x => !(x > 0))) throw new InputException($"{path}: key 'diffusion.temperatures_K' must hold positive temperatures");
        var axis = new DiffusionAxis(temps, r.Text(t, "diffusion.species", CampaignDefaults.Species)!, r.Number(t, "diffusion.ps", CampaignDefaults.DiffusionPs),
            r.Number(t, "diffusion.skip_ps", CampaignDefaults.SkipPs), r.Integer(t, "diffusion.dump_every_steps", CampaignDefaults.DumpEverySteps),
            r.Number(t, "diffusion.timestep_fs", CampaignDefaults.TimestepFs));
        if (!(axis.Ps > 0) || axis.SkipPs < 0 || axis.SkipPs >= axis.Ps) throw new InputException($"{path}: keys 'diffusion.ps' ({axis.Ps}) and 'diffusion.skip_ps' ({axis.SkipPs}) need 0 ≤ skip_ps < ps");
        if (axis.DumpEverySteps < 1) throw new InputException($"{path}: key 'diffusion.dump_every_steps' must be at least 1");
        if (!(axis.TimestepFs > 0 && axis.TimestepFs <= 10)) throw new InputException($"{path}: key 'diffusion.timestep_fs' must lie in (0, 10]");
        if (axis.Steps / axis.DumpEverySteps < 20) throw new InputException($"{path}: the diffusion runs would write fewer than 20 frames; lower 'diffusion.dump_every_steps'");
        return axis;
    }
}

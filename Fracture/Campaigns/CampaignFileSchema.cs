using FractureLab.Mechanics.IO;
using static FractureLab.Mechanics.IO.InputSchema;

namespace FractureLab.Fracture.Campaigns;

/// <summary>
/// The campaign file (<c>fracturelab campaign CAMPAIGN.toml</c>), described once: <see cref="CampaignConfig.Load"/> reads
/// exactly these keys (with a did-you-mean for others), and the defaults are <see cref="CampaignDefaults"/>.
/// </summary>
public static class CampaignFileSchema
{
    public static IReadOnlyList<SchemaKey> Keys { get; } =
    [
        new("campaign.replicas", "integer", false, CampaignDefaults.Replicas.ToString(), "replicas (seeds 1..n) of every run"),
        new("campaign.strain_rates_per_s", "numbers", false, $"[{Value(CampaignDefaults.StrainRatePerS)}]", "strain rates of the pulls, 1/s"),
        new("campaign.protocols", "strings", false, "[\"A\"] ([] with a study)", "tensile protocols A, B, C (SCIENCE.md §2)"),
        new("campaign.study", "string", false, "(none)", "toughness study file (`fracturelab schema study`) run on every composition's glass (replica 1), relative to this file; results in toughness.csv"),
        new("campaign.base", "string", false, "(the embedded job)", "run file every run starts from (`fracturelab schema run`), relative to this file"),
        new("composition[].label", "string", true, null, "name of the composition (its folder and its key in the results)"),
        new("composition[].x", "number", false, "(none)", "composition variable written with the results (e.g. mol% Li2O)"),
        new("composition[].shipped", "string", false, null, "a shipped glass (one of shipped, data, build)"),
        new("composition[].data", "string", false, null, "a LAMMPS data file, relative to this file (one of shipped, data, build)"),
        new("composition[].build", "string", false, null, "a composition to melt-quench, e.g. \"Li2O = 38, B2O3 = 31, P2O5 = 31\" (one of shipped, data, build)"),
        new("composition[].atoms", "integer", false, CampaignDefaults.Atoms.ToString(), "build: atoms of the glass"),
        new("composition[].density", "number", false, Value(CampaignDefaults.DensityGCm3), "build: initial density, g/cm³"),
        new("composition[].aspect", "string", false, $"\"{CampaignDefaults.Aspect}\"", "build: box aspect x,y,z"),
        new("composition[].quench_rate", "number", false, Value(CampaignDefaults.QuenchRateKPerPs), "build: quench rate, K/ps"),
        new("composition[].melt_ps", "number", false, Value(CampaignDefaults.MeltPs), "build: melt time, ps"),
        new("composition[].relax_ps", "number", false, Value(CampaignDefaults.RelaxPs), "build: relaxation after the quench, ps"),
        new("composition[].forcefield", "string", true, null, "force field name or TOML file"),
        new("composition[].elements", "string", false, "(the Masses comments)", "element of each atom type of a data file, e.g. \"Si,O\""),
        new("composition[].boron_n4", "number", false, "(none)", "fraction of four-fold boron for du-teter"),
        new("composition[].crystal_fraction", "number", false, "(the base's)", "with a base or study file of build = \"glass-ceramic\": this composition's crystal volume fraction (0: the glass alone, relaxed as the glass-ceramics are)"),
        new("diffusion.temperatures_K", "numbers", true, null, "NVT temperatures of the ion-dynamics runs, K"),
        new("diffusion.species", "string", false, $"\"{CampaignDefaults.Species}\"", "element whose diffusion and conductivity are computed"),
        new("diffusion.ps", "number", false, Value(CampaignDefaults.DiffusionPs), "length of each run, ps"),
        new("diffusion.skip_ps", "number", false, Value(CampaignDefaults.SkipPs), "equilibration left out of the analysis, ps"),
        new("diffusion.dump_every_steps", "integer", false, CampaignDefaults.DumpEverySteps.ToString(), "steps between trajectory frames"),
        new("diffusion.timestep_fs", "number", false, Value(CampaignDefaults.TimestepFs), "MD timestep, fs"),
    ];

    public static InputSchema Schema => new("campaign", "Campaign file (TOML; at least one [[composition]]).", Keys);
}

/// <summary>Defaults of the campaign file's keys (one definition for the reader and its schema).</summary>
public static class CampaignDefaults
{
    public const int Replicas = 1, Atoms = 1800, DumpEverySteps = 100;
    public const double StrainRatePerS = 1e10, DensityGCm3 = 2.2, QuenchRateKPerPs = 100, MeltPs = 10, RelaxPs = 10, DiffusionPs = 40, SkipPs = 5, TimestepFs = 1;
    public const string Aspect = "2,1,2", Species = "Li";
}

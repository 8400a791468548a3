using FractureLab.Mechanics.Engines;
using System.Globalization;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Campaigns;

/// <summary>One run of a campaign and where it lives (LABEL/PROTOCOL-RATE/rK).</summary>
public sealed record CampaignRun(CampaignComposition Composition, int Replica, double RatePerS, TensileProtocol Protocol, string Dir)
{
    public string Condition => $"{Protocol}-{RatePerS.ToString("0.###e0", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A campaign's runs: the plan (compositions × protocols × rates × replicas), the run file of each, the glasses built
/// once per composition and replica, and running them (jobs at a time) through <see cref="RunDirectory"/>.
/// </summary>
public static class CampaignRuns
{
    public static List<CampaignRun> Plan(CampaignConfig c, string outDir) =>
        (from comp in c.Compositions
         from protocol in c.Protocols
         from rate in c.StrainRatesPerS
         from replica in Enumerable.Range(1, c.Replicas)
         select new CampaignRun(comp, replica, rate, protocol,
             Path.Combine(outDir, LabOutput.SafeName(comp.Label), $"{protocol}-{rate.ToString("0.###e0", CultureInfo.InvariantCulture)}", $"r{replica}"))).ToList();

    /// <summary>The run file of one campaign run: the base file's settings, this run's structure, force field, rate, protocol and seed.</summary>
    public static RunConfig RunConfigOf(CampaignConfig c, CampaignRun r, string? glassFile)
    {
        var b = c.BaseRunFile is not null ? RunConfig.Load(c.BaseRunFile) : RunConfig.Default();
        var settings = b.Settings with
        {
            Seed = r.Replica,
            Tension = b.Settings.Tension with { StrainRatePerS = r.RatePerS, Protocol = r.Protocol },
        };
        return b with
        {
            DataFile = glassFile ?? r.Composition.DataFile,
            Shipped = r.Composition.Shipped ?? b.Shipped,
            Elements = r.Composition.Elements,
            ForceField = r.Composition.ForceField,
            BoronN4 = r.Composition.BoronN4 ?? b.BoronN4,
            GlassCeramic = r.Composition.GlassCeramicOf(b.GlassCeramic),
            Settings = settings,
            // a glass-ceramic of the base file is built once per composition and replica, shared by its rates and protocols
            StructureCache = Path.GetFullPath(Path.Combine(r.Dir, "..", "..", "structures")),
        };
    }

    /// <summary>The folder of the built glass of a composition and replica (one realisation per replica seed, shared by its rates and protocols).</summary>
    public static string GlassDir(CampaignComposition c, int replica, string outDir) => Path.Combine(outDir, LabOutput.SafeName(c.Label), $"glass-r{replica}");

    /// <summary>
    /// The glass file (full path) a composition's runs start from when it is built (building it first, through
    /// <paramref name="progress"/>, when <paramref name="progress"/> is given and the glass is not there), else null.
    /// </summary>
    public static string? GlassFile(CampaignComposition c, int replica, string outDir, ProgressRunner? progress = null)
    {
        if (c.Build is null) return null;
        string dir = GlassDir(c, replica, outDir);
        if (progress is not null && !File.Exists(Path.Combine(dir, "glass.data"))) GlassBuild.Build(Recipe(c, replica), Environment.ProcessorCount, dir, progress);
        return Path.GetFullPath(Path.Combine(dir, "glass.data"));
    }

    public static GlassBuild.Recipe Recipe(CampaignComposition c, int replica) =>
        new(c.Build!, c.Atoms, c.DensityGPerCm3, c.ForceField, "quick", 4000, c.QuenchRateKPerPs, c.MeltPs, c.RelaxPs, 1.6, replica, c.Aspect, c.BoronN4);

    /// <summary>
    /// Builds the glasses that are missing, then runs every unfinished run, <paramref name="jobs"/> at a time (threads shared
    /// out), each written as its own run directory with its run.toml; <paramref name="log"/> gets one line per finished run.
    /// </summary>
    public static void RunAll(CampaignConfig c, List<CampaignRun> runs, string outDir, int jobs, bool resume, Mechanics.Engines.BackendChoice backend,
        ProgressRunner progress, Action<string> log)
    {
        var glasses = runs.Select(r => (r.Composition, r.Replica)).Distinct().ToDictionary(k => k, k => GlassFile(k.Composition, k.Replica, outDir, progress));
        Batch.RunBatch.RunAll(runs.Select(r => new Batch.BatchRun(r.Dir, () => RunConfigOf(c, r, glasses[(r.Composition, r.Replica)]))).ToList(),
            jobs, resume, backend, progress, log);
    }

    /// <summary>The shell step that builds a composition's glass for a replica when it is built and not there yet ("" otherwise).</summary>
    public static string BuildStep(CampaignComposition comp, int replica, string outDir)
    {
        if (comp.Build is null) return "";
        string dir = Path.GetFullPath(GlassDir(comp, replica, outDir));
        var g = Recipe(comp, replica);
        return string.Create(CultureInfo.InvariantCulture, $"[ -f '{Path.Combine(dir, "glass.data")}' ] || fracturelab build-glass --composition '{g.Composition}' --atoms {g.Atoms} --density {g.DensityGPerCm3} " +
            $"--forcefield {g.ForceField}{(g.BoronN4 is { } n4 ? $" --boron-n4 {n4}" : "")} --aspect {g.Aspect} --quench-rate {g.QuenchRateKPerPs} --melt-ps {g.MeltPs} --relax-ps {g.RelaxPs} --seed {g.Seed} --out '{dir}'; ");
    }
}

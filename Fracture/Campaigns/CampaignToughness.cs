using FractureLab.Experiments.Plots;
using FractureLab.Experiments.Tables;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics.Engines;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Fracture.Campaigns;

/// <summary>
/// The toughness axis of a campaign (<c>campaign.study = "STUDY.toml"</c>): the study file's crack lengths, replicas,
/// routes and run settings, run once per composition on that composition's glass (the glass of replica 1, built when the
/// composition is built; the study's replicas are velocity seeds of the pulls on it) with the composition's force field,
/// N4, label and x, in <c>LABEL/toughness/</c> (an ordinary study folder: <c>fracturelab toughness</c> reads it back with
/// <c>--aggregate-only</c>). <c>toughness.csv</c> at the campaign's root joins every study's results.csv, one row per
/// composition (and size and rate), for <c>fracturelab compare</c>; <c>toughness_KIc.png</c> plots every route against x.
/// </summary>
public static class CampaignToughness
{
    public const string Table = "toughness.csv";

    /// <summary>The glass replica a composition's study runs on.</summary>
    public const int GlassReplica = 1;

    public static string Dir(CampaignComposition c, string outDir) => Path.Combine(outDir, LabOutput.SafeName(c.Label), "toughness");

    /// <summary>The study of one composition: the campaign's study file with this composition's structure, force field, N4, label and x.</summary>
    public static ToughnessStudy StudyOf(CampaignConfig config, CampaignComposition comp, string? glassFile)
    {
        var s = ToughnessStudy.Load(config.StudyFile ?? throw new InvalidOperationException("the campaign has no study"));
        var b = s.Base with
        {
            DataFile = glassFile ?? comp.DataFile,
            Shipped = comp.Shipped ?? s.Base.Shipped,
            Elements = comp.Elements,
            ForceField = comp.ForceField,
            BoronN4 = comp.BoronN4 ?? s.Base.BoronN4,
            Crystal = null,
            GlassCeramic = comp.GlassCeramicOf(s.Base.GlassCeramic),
        };
        return s with { Base = b, Label = comp.Label, X = comp.X };
    }

    /// <summary>Builds each composition's glass when missing, then runs and analyses its study (finished pulls are skipped on a rerun).</summary>
    public static void RunAll(CampaignConfig config, string outDir, int jobs, bool resume, BackendChoice backend, ProgressRunner progress, Action<string> log)
    {
        if (config.StudyFile is null) return;
        foreach (var comp in config.Compositions)
        {
            var study = StudyOf(config, comp, CampaignRuns.GlassFile(comp, GlassReplica, outDir, progress));
            string dir = Dir(comp, outDir);
            ToughnessRunner.Run(study, dir, jobs, resume, backend, progress, log);
            Analyze(study, dir, log);
        }
    }

    /// <summary>Analyses the finished pulls of each composition's study (those with any) and writes toughness.csv and the plot; returns the compositions gathered.</summary>
    public static int Aggregate(CampaignConfig config, string outDir, Action<string> log)
    {
        if (config.StudyFile is null) return 0;
        var tables = new List<CsvTable>();
        foreach (var comp in config.Compositions)
        {
            string dir = Dir(comp, outDir);
            if (!Directory.Exists(dir)) continue;
            if (!File.Exists(Path.Combine(dir, "results.csv"))) Analyze(StudyOf(config, comp, CampaignRuns.GlassFile(comp, GlassReplica, outDir)), dir, log);
            if (File.Exists(Path.Combine(dir, "results.csv"))) tables.Add(CsvTable.Read(Path.Combine(dir, "results.csv")));
        }
        if (tables.Count == 0) return 0;
        var header = tables.SelectMany(t => t.Header).Distinct().ToList();
        var output = new LabOutput(outDir);
        output.Text(Table, w =>
        {
            w.WriteLine(string.Join(',', header));
            foreach (var t in tables)
                foreach (var row in t.Rows)
                    w.WriteLine(string.Join(',', header.Select(h => t.Cell(row, h))));
        });
        var model = Plot(tables);
        output.Png("toughness_KIc.png", PlotExport.Png(model));
        output.Text("toughness_KIc.svg", w => w.Write(PlotExport.Svg(model)));
        return tables.Count;
    }

    private static void Analyze(ToughnessStudy study, string dir, Action<string> log)
    {
        if (!ToughnessPlan.Cracked(study, dir).Any(p => Runs.RunDirectory.Finished(p.Dir)) && !study.Uses(ToughnessMethod.KField)) return;
        var cells = ToughnessAnalysis.Analyze(study, dir);
        var summary = ToughnessSummary.Write(study, cells, dir);
        string rec = summary["recommended"]?["route"]?.GetValue<string>() ?? "none";
        log($"{study.Label}: toughness study analysed in {dir} (recommended route: {rec})");
    }

    /// <summary>K_Ic of every route against x (or the order of the compositions when they have no x), with standard errors.</summary>
    private static PlotModel Plot(IReadOnlyList<CsvTable> tables)
    {
        var model = PlotExport.NewModel("K_Ic by route", "x (composition)", "K_Ic (MPa m^0.5)");
        var routes = tables.SelectMany(t => t.Header).Where(h => h.StartsWith("KIc_", StringComparison.Ordinal) && h.EndsWith("_MPa_sqrt_m", StringComparison.Ordinal) && h != "KIc_MPa_sqrt_m")
            .Distinct().ToList();
        foreach (var route in routes)
        {
            var series = new ScatterErrorSeries { Title = route["KIc_".Length..^"_MPa_sqrt_m".Length], MarkerType = MarkerType.Circle, MarkerSize = 4 };
            string err = route.Replace("_MPa_sqrt_m", "_stderr", StringComparison.Ordinal);
            for (int k = 0; k < tables.Count; k++)
                foreach (var row in tables[k].Rows)
                {
                    double? x = tables[k].Number(row, "x"), y = tables[k].Number(row, route), e = tables[k].Number(row, err);
                    if (y is { } v) series.Points.Add(PlotExport.ErrorPoint(x ?? k, v, e ?? 0));
                }
            if (series.Points.Count > 0) model.Series.Add(series);
        }
        return model;
    }
}

using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics.IO;
using FractureLab.Experiments.Plots;
using FractureLab.Experiments.Sepb;
using Spectre.Console;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab sepb SHEET.csv [--out DIR]</c>: K_Ic of single-edge precracked beams per ASTM C1421 from a
/// specimen sheet; writes results.csv, summary.json, report.md and plots, and prints a table.
/// </summary>
public static class SepbCommand
{
    public static Command Create()
    {
        var defaults = new SepbValidityRules();
        var sheet = new Argument<string>("sheet") { Description = "specimen sheet CSV: id,loading,B_mm,W_mm,S_mm,Si_mm,a1_mm,a2_mm,a3_mm,Pmax_N,curve" };
        var outOpt = new Option<string?>("--out") { Description = "output folder (default out/sepb-<sheet name>)" };
        var alphaMin = new Option<double>("--alpha-min") { Description = "smallest valid a/W", DefaultValueFactory = _ => defaults.AlphaMin };
        var alphaMax = new Option<double>("--alpha-max") { Description = "largest valid a/W", DefaultValueFactory = _ => defaults.AlphaMax };
        var spread = new Option<double>("--max-reading-spread") { Description = "largest (max − min)/mean of the crack-length readings", DefaultValueFactory = _ => defaults.MaxReadingSpread };
        var minValid = new Option<int>("--min-valid") { Description = "valid specimens a set needs", DefaultValueFactory = _ => defaults.MinValidSpecimens };
        var spanTol = new Option<double>("--span-ratio-tolerance") { Description = "relative distance of three-point S/W from 4 that is flagged", DefaultValueFactory = _ => defaults.SpanRatioTolerance };
        var spanStrict = new Option<bool>("--strict-span-ratio") { Description = "make a flagged S/W invalidate the specimen" };
        var setCol = new Option<string?>("--set-column") { Description = "sheet column that groups specimens into sets (default: 'set' when the sheet has it)" };
        var cmd = new Command("sepb", "Reduce single-edge precracked beam tests (ASTM C1421) to K_Ic");
        cmd.Arguments.Add(sheet);
        foreach (var o in new Option[] { outOpt, alphaMin, alphaMax, spread, minValid, spanTol, spanStrict, setCol }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string path = p.GetValue(sheet)!;
            var rules = new SepbValidityRules(p.GetValue(alphaMin), p.GetValue(alphaMax), p.GetValue(spread), p.GetValue(minValid),
                p.GetValue(spanTol), p.GetValue(spanStrict));
            var s = SpecimenSheet.Read(path);
            string? set = p.GetValue(setCol) ?? s.ExtraColumns.FirstOrDefault(c => c.Equals("set", StringComparison.OrdinalIgnoreCase));
            var red = SepbReducer.Reduce(s, rules, setColumn: set);
            var output = new LabOutput(p.GetValue(outOpt) ?? Path.Combine("out", "sepb-" + Path.GetFileNameWithoutExtension(path)));
            Write(red, output);
            Print(red, output.Folder);
            // every result is written first; a sheet without a single valid K_Ic has no result to report
            if (red.Results.All(r => !r.Valid))
            {
                var first = red.Results.FirstOrDefault(r => r.Reasons.Count > 0);
                Console.Error.WriteLine($"error: {path}: no specimen gives a valid K_Ic" + (first is null ? "" : $" ({first.Specimen.Id}: {first.Reasons[0]})") + $"; the reasons of each are in {Path.Combine(output.Folder, "results.csv")}");
                return 1;
            }
            return 0;
        }));
        return cmd;
    }

    private static void Write(SepbReduction red, LabOutput output)
    {
        var plots = new Dictionary<string, string>();
        foreach (var r in red.Results.Where(r => r.Curve is not null))
        {
            string file = "curve_" + LabOutput.SafeName(r.Specimen.Id) + ".png";
            output.Png(file, PlotExport.Png(SepbPlots.Curve(r)));
            plots[$"{r.Specimen.Id}: load vs displacement"] = file;
        }
        if (red.Results.Any(r => r.KIcMPaSqrtM is not null))
        {
            output.Png("kic.png", PlotExport.Png(SepbPlots.KIc(red)));
            plots["K_Ic per specimen"] = "kic.png";
        }
        output.Text("results.csv", w => SepbReport.WriteResultsCsv(red, w));
        output.Json("summary.json", SepbReport.SummaryJson(red));
        output.Text("report.md", w => w.Write(SepbReport.Markdown(red, plots)));
    }

    private static void Print(SepbReduction red, string folder)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("id", "loading", "a/W", "Y*", "P_max (N)", "K_Ic (MPa·m^0.5)", "valid");
        foreach (var r in red.Results)
            table.AddRow(Markup.Escape(r.Specimen.Id), r.Specimen.Loading.ToSheet(), r.Alpha?.ToString("0.000", ci) ?? "–", r.YStar?.ToString("0.000", ci) ?? "–",
                r.PmaxN?.ToString("0.00", ci) ?? "–", r.KIcMPaSqrtM?.ToString("0.000", ci) ?? "–", r.Valid ? "[green]yes[/]" : "[red]no[/]");
        AnsiConsole.Write(table);
        foreach (var r in red.Results)
        {
            foreach (var reason in r.Reasons) Console.WriteLine($"  {r.Specimen.Id} invalid: {reason}");
            foreach (var warning in r.Warnings) Console.WriteLine($"  {r.Specimen.Id} warning: {warning}");
        }
        var k = red.Overall.KIc;
        string stats = k.N > 1
            ? string.Create(ci, $"K_Ic = {k.Mean:0.000} ± {k.Sd:0.000} MPa·m^0.5 (mean ± sd, n = {k.N}), 95 % CI [{k.Ci95Low:0.000}, {k.Ci95High:0.000}]")
            : $"{k.N} valid specimen(s)";
        Console.WriteLine(stats + (red.Overall.EnoughValid ? "" : $"; set not valid: {red.Overall.Reason}"));
        foreach (var s in red.Sets)
            Console.WriteLine(string.Create(ci, $"  set {s.Name}: n = {s.KIc.N}, mean {s.KIc.Mean:0.000}, sd {s.KIc.Sd:0.000}{(s.EnoughValid ? "" : $" ({s.Reason})")}"));
        Console.WriteLine($"results in {folder}");
    }
}

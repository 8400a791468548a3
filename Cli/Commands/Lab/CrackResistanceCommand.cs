using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics.IO;
using FractureLab.Experiments.Indentation;
using FractureLab.Experiments.Plots;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab crack-resistance FILE.csv [--out DIR]</c>: the Vickers load of 50 % radial-crack probability, three fits.</summary>
public static class CrackResistanceCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("indents") { Description = "CSV with columns load_N,indents,cracked_corners" };
        var outOpt = new Option<string?>("--out") { Description = "output folder (default out/cr-<file name>)" };
        var cmd = new Command("crack-resistance", "Crack resistance from Vickers indentation (50 % crack-initiation load)");
        cmd.Arguments.Add(file);
        cmd.Options.Add(outOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string path = p.GetValue(file)!;
            var result = CrackResistanceResult.Compute(path, IndentationSeries.Read(path));
            var output = new LabOutput(p.GetValue(outOpt) ?? Path.Combine("out", "cr-" + Path.GetFileNameWithoutExtension(path)));
            output.Png("crack_resistance.png", PlotExport.Png(result.Plot()));
            output.Json("summary.json", result.SummaryJson());
            output.Text("report.md", w => w.Write(result.Markdown("crack_resistance.png")));
            foreach (var f in result.Fits)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Model.Name(),-18} CR = {f.P50N:0.###} N, 95 % CI [{f.Ci95LowN:0.###}, {f.Ci95HighN:0.###}], AIC {f.Aic:0.##}{(f == result.Preferred ? "  (preferred)" : "")}"));
            Console.WriteLine($"results in {output.Folder}");
            return 0;
        }));
        return cmd;
    }
}

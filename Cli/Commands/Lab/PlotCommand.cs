using System.CommandLine;
using FractureLab.Experiments.Plots;
using FractureLab.Experiments.Tables;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab plot --csv FILE[=LABEL] ... --x COLUMN --y COLUMN --out FIG.png</c>: curves of several CSV files on one plot
/// (library: <see cref="CurvePlot"/>), written as PNG and SVG; parse, call, write.
/// </summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var csv = new Option<string[]>("--csv") { Description = "a CSV file, optionally =LABEL for the legend (repeat for more curves)", Required = true, AllowMultipleArgumentsPerToken = true };
        var x = new Option<string>("--x") { Description = "column of the x axis", DefaultValueFactory = _ => "strain" };
        var y = new Option<string>("--y") { Description = "column of the y axis", DefaultValueFactory = _ => "stress_GPa" };
        var title = new Option<string?>("--title") { Description = "figure title (default: y against x)" };
        var outOpt = new Option<string>("--out") { Description = "figure file (.png; an .svg is written beside it)", Required = true };
        var cmd = new Command("plot", "Curves of several CSV files on one plot (e.g. two runs' stress_strain.csv)");
        foreach (var o in new Option[] { csv, x, y, title, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var curves = p.GetValue(csv)!.Select(spec =>
            {
                int eq = spec.LastIndexOf('=');
                string file = eq > 0 ? spec[..eq] : spec;
                return new CurveSource(CsvTable.Read(file), eq > 0 ? spec[(eq + 1)..] : Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) + "/" + Path.GetFileName(file));
            }).ToList();
            var model = CurvePlot.Build(curves, p.GetValue(x)!, p.GetValue(y)!, p.GetValue(title));
            string png = p.GetValue(outOpt)!;
            string folder = Path.GetDirectoryName(Path.GetFullPath(png))!;
            Directory.CreateDirectory(folder);
            var bytes = PlotExport.Png(model);
            AtomicFile.WriteBytes(png, s => s.Write(bytes));
            AtomicFile.Write(Path.ChangeExtension(png, ".svg"), w => w.Write(PlotExport.Svg(model)));
            Console.WriteLine($"{curves.Count} curves in {png} (and {Path.ChangeExtension(png, ".svg")})");
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using System.Globalization;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.Mechanics;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab diffusion --dump FILE... --species EL [--frame-interval-ps DT] --out DIR</c>: tracer and charge MSD
/// (FFT, all origins), D from the diffusive regime found automatically, Haven ratio, Nernst-Einstein conductivity,
/// α₂(t), self van Hove function, hops, optionally per region.
/// </summary>
public static class DiffusionCommand
{
    public static Command Create()
    {
        var dumps = new Option<string[]>("--dump") { Description = "LAMMPS dump files of one run, in time order (ours or LAMMPS's; wrapped with image flags, unwrapped, or wrapped)", Required = true, AllowMultipleArgumentsPerToken = true };
        var species = new Option<string>("--species") { Description = "mobile species, e.g. Li", Required = true };
        var elements = new Option<string?>("--elements") { Description = "element of each atom type, for dumps without element names" };
        var interval = new Option<double?>("--frame-interval-ps") { Description = "time between frames (ps); default from the dump's timesteps × --timestep-fs" };
        var timestep = new Option<double>("--timestep-fs") { Description = "MD timestep (fs) to turn dump steps into time", DefaultValueFactory = _ => 1.0 };
        var skip = new Option<double>("--skip-ps") { Description = "equilibration to leave out (ps)", DefaultValueFactory = _ => 0.0 };
        var temperature = new Option<double?>("--temperature") { Description = "temperature (K); default: mean of thermo.csv next to the first dump" };
        var charge = new Option<string?>("--charge") { Description = ConductivityCharge.Help };
        var regions = new Option<string?>("--regions") { Description = "slabs along an axis in box fractions, e.g. z:0-0.4,0.4-0.6,0.6-1" };
        var hop = new Option<double>("--hop-threshold") { Description = "hop: jump of the window-averaged position beyond this (Å)", DefaultValueFactory = _ => 1.5 };
        var vhMax = new Option<double>("--vanhove-rmax") { Description = "largest displacement of the van Hove function (Å)", DefaultValueFactory = _ => 8.0 };
        var vhLags = new Option<string?>("--vanhove-lags-ps") { Description = "lags of the van Hove function (ps), e.g. 1,10,100 (default: shortest, middle and longest of the log-spaced lags)" };
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("diffusion", "Diffusion, conductivity and hopping of one species from MD trajectories");
        foreach (var o in new Option[] { dumps, species, elements, interval, timestep, skip, temperature, charge, regions, hop, vhMax, vhLags, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var els = p.GetValue(elements)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var request = new DiffusionRequest(p.GetValue(dumps)!, p.GetValue(species)!, els, p.GetValue(timestep), p.GetValue(interval), p.GetValue(skip),
                p.GetValue(temperature), p.GetValue(charge), p.GetValue(regions), p.GetValue(hop), p.GetValue(vhMax), ParseLags(p.GetValue(vhLags)));
            Console.WriteLine(DiffusionReport.Write(request, p.GetValue(outOpt)!).Text);
            return 0;
        }));
        return cmd;
    }

    private static double[]? ParseLags(string? text) => text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 ? v : throw new InputException($"--vanhove-lags-ps '{x}': expected positive times in ps, e.g. 1,10,100"))
        .ToArray();
}

using System.CommandLine;
using System.Globalization;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab structure FILE... [--pairs B-O,Si-O] [--rmax 8] [--bin 0.02] --out DIR</c>: partial g(r) averaged
/// over every snapshot given, the cut-off of each pair at the first minimum of its g(r) (or given), coordination-number
/// distributions (fractions of n-fold centres such as ³B and ⁴B) and bond-angle distributions.
/// </summary>
public static class StructureCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("structures") { Description = "LAMMPS data or dump files (all frames are averaged)", Arity = ArgumentArity.OneOrMore };
        var pairsOpt = new Option<string?>("--pairs") { Description = "partials as A-B (centre-neighbour), comma-separated; default every pair of elements present" };
        var rmax = new Option<double>("--rmax") { Description = "largest r of g(r) (Å)", DefaultValueFactory = _ => 8.0 };
        var bin = new Option<double>("--bin") { Description = "bin width of g(r) (Å)", DefaultValueFactory = _ => 0.02 };
        var cutoffs = new Option<string?>("--cutoffs") { Description = "cut-offs that replace the first minimum, e.g. B-O=1.9,Si-O=2.0 (Å)" };
        var elements = new Option<string?>("--elements") { Description = "element of each atom type, e.g. Li,B,P,O" };
        var units = new Option<string?>("--units") { Description = "anion units and Q^n of FORMER-LIGAND, e.g. P-S or Si-O (units.json, units.dump, units_rdf.csv)" };
        var formerCutoff = new Option<double?>("--former-cutoff") { Description = "former-former bond cut-off for --units (Å; default: the former-ligand cut-off)" };
        var unitsRdf = new Option<string?>("--units-rdf") { Description = "species whose g(r) around the ligands of each unit kind is written (default: Li when present)" };
        var voronoi = new Option<bool>("--voronoi") { Description = "Voronoi volume of every atom of the first file (voronoi.csv) and their distributions per element" };
        var voronoiRadii = new Option<string?>("--voronoi-radii") { Description = "radical (Laguerre) cells with these radii, e.g. Li=0.76,S=1.84 (Å; every element needs one)" };
        var scattering = new Option<string?>("--scattering") { Description = "total S(q) and D(r): neutron or xray (sq_*.csv, dr_*.csv)" };
        var qmax = new Option<double>("--qmax") { Description = "largest q of S(q) (1/Å)", DefaultValueFactory = _ => 20.0 };
        var dq = new Option<double>("--dq") { Description = "q step of S(q) (1/Å)", DefaultValueFactory = _ => 0.02 };
        var direct = new Option<double?>("--sq-direct-below") { Description = "below this q (1/Å), S(q) from the box's reciprocal lattice (exact for the periodic box, no truncation at half the box); default min(8, what costs ~2e9 terms); 0: from g(r) only" };
        var lorch = new Option<bool>("--lorch") { Description = "Lorch windows in the Fourier transforms (g→S over r, S→D over q)" };
        var experiment = new Option<string?>("--experiment") { Description = "measured curve to compare (R_chi, Wright): CSV with columns q_inv_A,S or r_A,D" };
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("structure", "Partial g(r), coordination numbers, bond angles and anion units");
        cmd.Arguments.Add(files);
        foreach (var o in new Option[] { pairsOpt, rmax, bin, cutoffs, elements, units, formerCutoff, unitsRdf, voronoi, voronoiRadii, scattering, qmax, dq, direct, lorch, experiment, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var els = p.GetValue(elements)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var snaps = p.GetValue(files)!.SelectMany(f => SnapshotReader.Read(f, els)).ToList();
            var request = new StructureRequest
            {
                Pairs = p.GetValue(pairsOpt) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParsePair).ToList() : null,
                RMaxA = p.GetValue(rmax),
                BinA = p.GetValue(bin),
                CutoffsA = (p.GetValue(cutoffs) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCutoff).ToDictionary(c => c.Pair, c => c.R),
                Units = p.GetValue(units) is { } unitPair ? ParsePair(unitPair) : null,
                FormerCutoffA = p.GetValue(formerCutoff),
                UnitsRdfSpecies = p.GetValue(unitsRdf),
                Voronoi = p.GetValue(voronoi),
                VoronoiRadiiA = p.GetValue(voronoiRadii) is { } radii ? ParseRadii(radii) : null,
                Scattering = p.GetValue(scattering) switch
                {
                    null => null,
                    "neutron" => Radiation.Neutron,
                    "xray" or "x-ray" => Radiation.Xray,
                    var r => throw new InputException($"--scattering '{r}': expected neutron or xray"),
                },
                QMaxInvA = p.GetValue(qmax),
                DqInvA = p.GetValue(dq),
                DirectBelowInvA = p.GetValue(direct),
                Lorch = p.GetValue(lorch),
                ExperimentFile = p.GetValue(experiment),
            };
            foreach (string line in StructureReport.Write(snaps, request, new LabOutput(p.GetValue(outOpt)!))) Console.WriteLine(line);
            return 0;
        }));
        return cmd;
    }

    private static (string, string) ParsePair(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(x => x.Length == 0)) throw new InputException($"--pairs '{text}': expected A-B, e.g. B-O");
        return (parts[0], parts[1]);
    }

    private static (string Pair, double R) ParseCutoff(string text)
    {
        var kv = text.Split('=', StringSplitOptions.TrimEntries);
        if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double r) || !(r > 0))
            throw new InputException($"--cutoffs '{text}': expected A-B=R with R > 0 in Å");
        var (a, b) = ParsePair(kv[0]);
        return ($"{a}-{b}", r);
    }

    private static Dictionary<string, double> ParseRadii(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.Split('=', StringSplitOptions.TrimEntries) is [var el, var r] && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0
            ? (el, v) : throw new InputException($"--voronoi-radii '{t}': expected ELEMENT=R with R ≥ 0 in Å"))
        .ToDictionary(x => x.el, x => x.v, StringComparer.OrdinalIgnoreCase);
}

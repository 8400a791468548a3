using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using OxyPlot;
using OxyPlot.Series;

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
            var species = snaps[0].System.TypeElements.Where(snaps[0].Has).ToArray();
            var pairs = p.GetValue(pairsOpt) is { } text
                ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParsePair).ToList()
                : (from a in species from b in species where string.CompareOrdinal(a, b) <= 0 select (a, b)).ToList();
            var given = (p.GetValue(cutoffs) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseCutoff).ToDictionary(c => c.Pair, c => c.R);
            double rMax = p.GetValue(rmax), dr = p.GetValue(bin);
            var curves = pairs.Select(pr => RadialDistribution.Mean(snaps.Select(s => RadialDistribution.Partial(s, pr.Item1, pr.Item2, rMax, dr)).ToList())).ToList();
            var output = new LabOutput(p.GetValue(outOpt)!);
            output.Text("rdf.csv", w => TableWriter.Write(w,
                ["r_A", .. curves.Select(c => $"g_{c.Label}"), .. curves.Select(c => $"cn_{c.Label}")],
                Enumerable.Range(0, curves[0].RAngstrom.Length).Select(k => (IReadOnlyList<object?>)
                    [curves[0].RAngstrom[k], .. curves.Select(c => (object?)c.G[k]), .. curves.Select(c => (object?)c.RunningCn[k])])));

            var summary = new JsonObject { ["snapshots"] = new JsonArray([.. snaps.Select(s => (JsonNode)s.Name)]) };
            var coordinationRows = new List<IReadOnlyList<object?>>();
            var angleColumns = new List<(string Label, double[] Deg, double[] Density)>();
            var ci = CultureInfo.InvariantCulture;
            foreach (var c in curves)
            {
                double? rc = given.TryGetValue(c.Label, out double r) ? r : TryFirstMinimum(c);
                var entry = new JsonObject { ["cutoff_A"] = rc, ["cutoff_source"] = given.ContainsKey(c.Label) ? "given" : rc is null ? "no minimum found" : "first minimum of g(r)" };
                summary[c.Label] = entry;
                if (rc is null) { Console.WriteLine($"{c.Label}: no first minimum below {rMax} Å; give --cutoffs {c.Label}=R"); continue; }
                foreach (var (center, neighbor) in new[] { (c.A, c.B), (c.B, c.A) }.Distinct())
                {
                    var results = snaps.Select(s => Coordination.Compute(s, center, neighbor, rc.Value)).ToList();
                    var counts = results.SelectMany(x => x.Counts).ToList();
                    var dist = counts.GroupBy(n => n).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (double)g.Count() / counts.Count);
                    foreach (var (n, f) in dist) coordinationRows.Add([center, neighbor, rc.Value, n, counts.Count(x => x == n), f]);
                    var angles = Coordination.AngleHistogram(results.SelectMany(x => x.AnglesDeg).ToList(), 1.0);
                    angleColumns.Add(($"{neighbor}-{center}-{neighbor}", angles.AngleDeg, angles.Density));
                    entry[$"{center}_by_{neighbor}"] = new JsonObject
                    {
                        ["mean_coordination"] = counts.Average(),
                        ["fractions"] = new JsonObject(dist.Select(kv => KeyValuePair.Create(kv.Key.ToString(ci), (JsonNode?)kv.Value))),
                    };
                    Console.WriteLine(string.Create(ci, $"{center} by {neighbor} within {rc:0.###} Å: mean CN {counts.Average():0.###}; {string.Join(", ", dist.Select(kv => $"{kv.Key}-fold {kv.Value:P1}"))}"));
                }
            }
            output.Text("coordination.csv", w => TableWriter.Write(w, ["center", "neighbor", "cutoff_A", "coordination", "count", "fraction"], coordinationRows));
            if (angleColumns.Count > 0)
                output.Text("angles.csv", w => TableWriter.Write(w, ["angle_deg", .. angleColumns.Select(a => $"p_{a.Label}_per_deg")],
                    Enumerable.Range(0, angleColumns[0].Deg.Length).Select(k => (IReadOnlyList<object?>)[angleColumns[0].Deg[k], .. angleColumns.Select(a => (object?)a.Density[k])])));
            if (p.GetValue(units) is { } unitPair)
                WriteUnits(output, snaps, ParsePair(unitPair), given, rMax, dr, p.GetValue(formerCutoff), p.GetValue(unitsRdf));
            if (p.GetValue(voronoi) || p.GetValue(voronoiRadii) is not null)
                summary["voronoi"] = WriteVoronoi(output, snaps[0], p.GetValue(voronoiRadii));
            if (p.GetValue(scattering) is { } radiation)
                summary["scattering"] = WriteScattering(output, snaps, radiation, p.GetValue(qmax), p.GetValue(dq), p.GetValue(direct), p.GetValue(lorch), p.GetValue(experiment));
            output.Json("summary.json", summary);
            output.Png("rdf.png", PlotExport.PngGrid(curves.Select(Plot).ToList(), Math.Min(3, curves.Count)));
            Console.WriteLine($"results in {output.Folder}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>--units: speciation of every snapshot, units.json, the first snapshot's labels as units.dump, and the unit-resolved g(r).</summary>
    private static void WriteUnits(LabOutput output, List<Snapshot> snaps, (string Former, string Ligand) pair, Dictionary<string, double> given, double rMax, double dr,
        double? formerCutoffA, string? around)
    {
        string label = $"{pair.Former}-{pair.Ligand}";
        double cutoff = given.TryGetValue(label, out double g) ? g
            : RadialDistribution.FirstMinimum(RadialDistribution.Mean(snaps.Select(s => RadialDistribution.Partial(s, pair.Former, pair.Ligand, rMax, dr)).ToList()));
        var perSnapshot = snaps.Select(s => AnionSpeciationAnalysis.Compute(s, pair.Former, pair.Ligand, cutoff, formerCutoffA)).ToList();
        var json = AnionSpeciationReport.Json(perSnapshot, given.ContainsKey(label) ? "given" : "first minimum of g(r)");
        output.Json("units.json", json);
        output.Text("units.dump", w =>
        {
            using var dump = new LammpsDumpWriter(w);
            dump.WriteFrame(snaps[0].System, snaps[0].Step ?? 0, AnionSpeciationReport.AtomColumns(perSnapshot[0]));
        });
        around ??= snaps[0].Has("Li") ? "Li" : null;
        if (around is not null)
        {
            var curves = AnionSpeciationReport.LigandRdfs(snaps, perSnapshot, around, rMax, dr);
            output.Text("units_rdf.csv", w => TableWriter.Write(w, ["r_A", .. curves.Select(c => $"g_{c.Label}")],
                Enumerable.Range(0, curves[0].RAngstrom.Length).Select(k => (IReadOnlyList<object?>)[curves[0].RAngstrom[k], .. curves.Select(c => (object?)c.G[k])])));
        }
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"{label} units within {cutoff:0.###} Å: {string.Join(", ", json["units"]!.AsObject().Select(kv => $"{kv.Key} {kv.Value!.GetValue<double>():0.##}"))}; " +
            $"Q^n {string.Join(", ", json["Q"]!.AsObject().Select(kv => $"Q{kv.Key} {kv.Value!.GetValue<double>():P1}"))}"));
    }

    /// <summary>--voronoi: voronoi.csv for the first snapshot and the per-element distributions (summary entry, voronoi_hist.csv).</summary>
    private static JsonObject WriteVoronoi(LabOutput output, Snapshot snap, string? radiiText)
    {
        Dictionary<string, double>? radii = radiiText is null ? null : radiiText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', StringSplitOptions.TrimEntries) is [var el, var r] && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0
                ? (el, v) : throw new InputException($"--voronoi-radii '{t}': expected ELEMENT=R with R ≥ 0 in Å"))
            .ToDictionary(x => x.el, x => x.v, StringComparer.OrdinalIgnoreCase);
        var v = Voronoi.Compute(snap, radii);
        var s = snap.System;
        output.Text("voronoi.csv", w => TableWriter.Write(w, ["id", "element", "volume_A3", "faces"],
            Enumerable.Range(0, s.Count).Select(i => (IReadOnlyList<object?>)[s.Id[i], snap.Element(i), v.VolumesA3[i], v.Faces[i]])));
        var hist = VoronoiDistribution.PerElement(snap, v);
        output.Text("voronoi_hist.csv", w => TableWriter.Write(w, ["element", "volume_A3", "probability_density_per_A3"],
            hist.SelectMany(h => h.CentresA3.Select((c, k) => (IReadOnlyList<object?>)[h.Element, c, h.Density[k]]))));
        var json = new JsonObject
        {
            ["snapshot"] = snap.Name,
            ["tessellation"] = radii is null ? "Voronoi (bisector planes)" : $"radical (Laguerre), radii {radiiText} Å",
            ["total_volume_A3"] = v.TotalA3,
            ["box_volume_A3"] = s.Box.Volume,
        };
        foreach (var h in hist) json[h.Element] = new JsonObject { ["atoms"] = h.Atoms, ["mean_volume_A3"] = h.MeanA3, ["sd_volume_A3"] = h.SdA3 };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Voronoi volumes of {snap.Name}: {string.Join(", ", hist.Select(h => $"{h.Element} {h.MeanA3:0.###} ± {h.SdA3:0.###} Å³"))}; sum {v.TotalA3:0.###} of box {s.Box.Volume:0.###} Å³"));
        return json;
    }

    /// <summary>--scattering: sq_*.csv, dr_*.csv, scattering.png and, with a measured curve, its R_chi.</summary>
    private static JsonObject WriteScattering(LabOutput output, List<Snapshot> snaps, string radiationName, double qMax, double dq, double? directBelow, bool lorch, string? experimentFile)
    {
        var radiation = radiationName switch
        {
            "neutron" => Radiation.Neutron,
            "xray" or "x-ray" => Radiation.Xray,
            _ => throw new InputException($"--scattering '{radiationName}': expected neutron or xray"),
        };
        string tag = radiation == Radiation.Neutron ? "neutron" : "xray";
        var box = snaps[0].System;
        // terms of the reciprocal-lattice sum ≈ N · V q³/(12π²): keep it near 2e9 (seconds) unless asked
        double qc = directBelow ?? Math.Min(8.0, Math.Cbrt(2e9 * 12 * Math.PI * Math.PI / (box.Count * box.Box.Volume)));
        var r = Scattering.Compute(snaps, radiation, qMax, dq, lorch, directBelowInvA: box.Box.Periodic.All(x => x) ? qc : 0);
        output.Text($"sq_{tag}.csv", w => TableWriter.Write(w, ["q_inv_A", "S"], r.QInvA.Select((q, k) => (IReadOnlyList<object?>)[q, r.S[k]])));
        output.Text($"dr_{tag}.csv", w => TableWriter.Write(w, r.D is null ? ["r_A", "D"] : ["r_A", "D", "T", "D_direct"],
            r.RA.Select((x, k) => (IReadOnlyList<object?>)(r.D is null ? [x, r.DFromQ[k]] : [x, r.DFromQ[k], r.T![k], r.D[k]]))));
        var json = new JsonObject
        {
            ["radiation"] = tag,
            ["q_max_inv_A"] = qMax, ["dq_inv_A"] = dq, ["lorch"] = lorch, ["reciprocal_lattice_below_inv_A"] = r.DirectBelowInvA, ["g_r_max_A"] = r.RMaxA, ["density_per_A3"] = r.DensityPerA3,
            ["D_units"] = r.Units,
            ["D_definition"] = "D = (2/pi) integral q F(q) M(q) sin(qr) dq over the q range (column D); D_direct = 4 pi rho r G(r) from g(r) (neutron)",
            ["first_peak_q_inv_A"] = r.QInvA[Array.IndexOf(r.S, r.S.Where((_, k) => r.QInvA[k] > 0.5).Max())],
        };
        var sqModel = PlotExport.NewModel($"S(q), {tag}", "q (1/Å)", "S(q)");
        var sim = new LineSeries { Title = "simulation", Color = OxyColors.SteelBlue };
        for (int k = 0; k < r.QInvA.Length; k++) sim.Points.Add(new DataPoint(r.QInvA[k], r.S[k]));
        sqModel.Series.Add(sim);
        var drModel = PlotExport.NewModel($"D(r), {tag}", "r (Å)", $"D(r) ({r.Units})");
        var simD = new LineSeries { Title = "simulation", Color = OxyColors.SteelBlue };
        for (int k = 0; k < r.RA.Length; k++) simD.Points.Add(new DataPoint(r.RA[k], r.DFromQ[k]));
        drModel.Series.Add(simD);
        if (experimentFile is not null)
        {
            var t = Experiments.Tables.CsvTable.Read(experimentFile);
            var (xc, yc, inQ) = t.Has("q_inv_A") && t.Has("S") ? ("q_inv_A", "S", true) : t.Has("r_A") && t.Has("D") ? ("r_A", "D", false)
                : throw new InputException($"{experimentFile}: expected columns q_inv_A,S (a structure factor) or r_A,D (a differential correlation function); found {string.Join(",", t.Header)}");
            var pts = t.Rows.Select(row => (X: t.Number(row, xc) ?? throw new InputException($"{experimentFile} line {row.Line}: {xc} is not a number"),
                Y: t.Number(row, yc) ?? throw new InputException($"{experimentFile} line {row.Line}: {yc} is not a number"))).OrderBy(v => v.X).ToList();
            double rchi = inQ ? Scattering.RChi(pts.Select(v => v.X).ToList(), pts.Select(v => v.Y - 1).ToList(), r.QInvA, r.S.Select(v => v - 1).ToList())
                : Scattering.RChi(pts.Select(v => v.X).ToList(), pts.Select(v => v.Y).ToList(), r.RA, r.DFromQ);
            json["experiment"] = experimentFile;
            json["R_chi"] = rchi;
            json["R_chi_of"] = inQ ? "S(q) - 1" : "D(r)";
            if (inQ)
            {
                // Wright's practice: compare in real space, both curves transformed with the same Q_max (and Lorch function)
                double qTop = Math.Min(qMax, pts[^1].X);
                var dExp = Scattering.BackTransform(pts.Select(v => v.X).ToList(), Scattering.FOfQ(r, pts.Select(v => v.X).ToList(), pts.Select(v => v.Y).ToList()), r.RA, qTop, lorch);
                var dSim = Scattering.BackTransform(r.QInvA, Scattering.FOfQ(r, r.QInvA, r.S), r.RA, qTop, lorch);
                double rchiR = Scattering.RChi(r.RA, dExp, r.RA, dSim);
                json["R_chi_D_r"] = rchiR;
                json["R_chi_D_r_q_max_inv_A"] = qTop;
                output.Text($"dr_{tag}_experiment.csv", w => TableWriter.Write(w, ["r_A", "D_experiment", "D_simulation"], r.RA.Select((x, k) => (IReadOnlyList<object?>)[x, dExp[k], dSim[k]])));
                var expD = new LineSeries { Title = "experiment, same transform", Color = OxyColors.Black, LineStyle = LineStyle.Dash };
                for (int k = 0; k < r.RA.Length; k++) expD.Points.Add(new DataPoint(r.RA[k], dExp[k]));
                drModel.Series.Insert(0, expD);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} D(r), both transformed to Q_max {qTop:0.##} 1/Å{(lorch ? " with Lorch" : "")}: R_chi = {rchiR:P2}"));
            }
            var exp = new ScatterSeries { Title = $"experiment ({Path.GetFileName(experimentFile)})", MarkerType = MarkerType.Circle, MarkerSize = 2, MarkerFill = OxyColors.Black };
            foreach (var v in pts) exp.Points.Add(new ScatterPoint(v.X, v.Y));
            (inQ ? sqModel : drModel).Series.Insert(0, exp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} {(inQ ? "S(q)" : "D(r)")} against {experimentFile}: R_chi = {rchi:P2}"));
        }
        output.Png($"scattering_{tag}.png", PlotExport.PngGrid([sqModel, drModel], 2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag} S(q) to {qMax} 1/Å from g(r) to {r.RMaxA:0.##} Å{(lorch ? " (Lorch)" : "")}: first peak at {json["first_peak_q_inv_A"]!.GetValue<double>():0.##} 1/Å"));
        return json;
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

    private static double? TryFirstMinimum(RdfCurve c)
    {
        try { return RadialDistribution.FirstMinimum(c); }
        catch (InputException) { return null; }
    }

    private static PlotModel Plot(RdfCurve c)
    {
        var model = PlotExport.NewModel($"g(r) {c.Label}", "r (Å)", "g(r)");
        var line = new LineSeries { Title = c.Label, Color = OxyColors.SteelBlue, StrokeThickness = 1.5 };
        for (int k = 0; k < c.G.Length; k++) line.Points.Add(new DataPoint(c.RAngstrom[k], c.G[k]));
        model.Series.Add(line);
        return model;
    }
}

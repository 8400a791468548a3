using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// What <c>fracturelab structure</c> computes over a set of snapshots: partial g(r) (every pair of elements present when
/// <see cref="Pairs"/> is null) to <see cref="RMaxA"/> in bins of <see cref="BinA"/>, each pair's cut-off at the first
/// minimum of its g(r) unless given in <see cref="CutoffsA"/> (keyed "A-B"), and the optional anion units, Voronoi cells
/// (radical with <see cref="VoronoiRadiiA"/>) and total S(q), D(r) against a measured curve.
/// </summary>
public sealed record StructureRequest
{
    public IReadOnlyList<(string A, string B)>? Pairs { get; init; }
    public double RMaxA { get; init; } = 8.0;
    public double BinA { get; init; } = 0.02;
    public IReadOnlyDictionary<string, double> CutoffsA { get; init; } = new Dictionary<string, double>();
    /// <summary>Anion units and Qⁿ of this former-ligand pair (units.json, units.dump, units_rdf.csv).</summary>
    public (string Former, string Ligand)? Units { get; init; }
    public double? FormerCutoffA { get; init; }
    /// <summary>Species whose g(r) around the ligands of each unit kind is written (Li when present if null).</summary>
    public string? UnitsRdfSpecies { get; init; }
    public bool Voronoi { get; init; }
    public IReadOnlyDictionary<string, double>? VoronoiRadiiA { get; init; }
    public Radiation? Scattering { get; init; }
    public double QMaxInvA { get; init; } = 20.0;
    public double DqInvA { get; init; } = 0.02;
    /// <summary>Below this q (1/Å) S(q) comes from the box's reciprocal lattice; null: min(8, what costs about 2e9 terms); 0: from g(r) only.</summary>
    public double? DirectBelowInvA { get; init; }
    public bool Lorch { get; init; }
    /// <summary>A measured S(q) (columns q_inv_A,S) or D(r) (r_A,D) CSV to compare with (R_chi, Wright's practice).</summary>
    public string? ExperimentFile { get; init; }
}

/// <summary>
/// The folder <c>structure</c> writes: rdf.csv, coordination.csv, angles.csv, summary.json, rdf.png and, as asked, units.*,
/// voronoi*.csv, sq_*/dr_*.csv and scattering_*.png. Returns the lines a caller prints.
/// </summary>
public static class StructureReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Write(IReadOnlyList<Snapshot> snaps, StructureRequest q, LabOutput output)
    {
        var lines = new List<string>();
        var species = snaps[0].System.TypeElements.Where(snaps[0].Has).ToArray();
        var pairs = q.Pairs ?? (from a in species from b in species where string.CompareOrdinal(a, b) <= 0 select (a, b)).ToList();
        var given = q.CutoffsA;
        var curves = pairs.Select(pr => RadialDistribution.Mean(snaps.Select(s => RadialDistribution.Partial(s, pr.Item1, pr.Item2, q.RMaxA, q.BinA)).ToList())).ToList();
        output.Text("rdf.csv", w => TableWriter.Write(w,
            ["r_A", .. curves.Select(c => $"g_{c.Label}"), .. curves.Select(c => $"cn_{c.Label}")],
            Enumerable.Range(0, curves[0].RAngstrom.Length).Select(k => (IReadOnlyList<object?>)
                [curves[0].RAngstrom[k], .. curves.Select(c => (object?)c.G[k]), .. curves.Select(c => (object?)c.RunningCn[k])])));

        var summary = new JsonObject { ["snapshots"] = new JsonArray([.. snaps.Select(s => (JsonNode)s.Name)]) };
        var coordinationRows = new List<IReadOnlyList<object?>>();
        var angleColumns = new List<(string Label, double[] Deg, double[] Density)>();
        foreach (var c in curves)
        {
            double? rc = given.TryGetValue(c.Label, out double r) ? r : TryFirstMinimum(c);
            var entry = new JsonObject { ["cutoff_A"] = rc, ["cutoff_source"] = given.ContainsKey(c.Label) ? "given" : rc is null ? "no minimum found" : "first minimum of g(r)" };
            summary[c.Label] = entry;
            if (rc is null) { lines.Add($"{c.Label}: no first minimum below {q.RMaxA} Å; give --cutoffs {c.Label}=R"); continue; }
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
                    ["fractions"] = new JsonObject(dist.Select(kv => KeyValuePair.Create(kv.Key.ToString(Ci), (JsonNode?)kv.Value))),
                };
                lines.Add(string.Create(Ci, $"{center} by {neighbor} within {rc:0.###} Å: mean CN {counts.Average():0.###}; {string.Join(", ", dist.Select(kv => $"{kv.Key}-fold {kv.Value:P1}"))}"));
            }
        }
        output.Text("coordination.csv", w => TableWriter.Write(w, ["center", "neighbor", "cutoff_A", "coordination", "count", "fraction"], coordinationRows));
        if (angleColumns.Count > 0)
            output.Text("angles.csv", w => TableWriter.Write(w, ["angle_deg", .. angleColumns.Select(a => $"p_{a.Label}_per_deg")],
                Enumerable.Range(0, angleColumns[0].Deg.Length).Select(k => (IReadOnlyList<object?>)[angleColumns[0].Deg[k], .. angleColumns.Select(a => (object?)a.Density[k])])));
        if (q.Units is { } unitPair) WriteUnits(output, snaps, unitPair, q, lines);
        if (q.Voronoi || q.VoronoiRadiiA is not null) summary["voronoi"] = WriteVoronoi(output, snaps[0], q.VoronoiRadiiA, lines);
        if (q.Scattering is { } radiation) summary["scattering"] = WriteScattering(output, snaps, radiation, q, lines);
        output.Json("summary.json", summary);
        output.Png("rdf.png", PlotExport.PngGrid(curves.Select(StructurePlots.Rdf).ToList(), Math.Min(3, curves.Count)));
        lines.Add($"results in {output.Folder}");
        return lines;
    }

    /// <summary>Speciation of every snapshot, units.json, the first snapshot's labels as units.dump, and the unit-resolved g(r).</summary>
    private static void WriteUnits(LabOutput output, IReadOnlyList<Snapshot> snaps, (string Former, string Ligand) pair, StructureRequest q, List<string> lines)
    {
        string label = $"{pair.Former}-{pair.Ligand}";
        double cutoff = q.CutoffsA.TryGetValue(label, out double g) ? g
            : RadialDistribution.FirstMinimum(RadialDistribution.Mean(snaps.Select(s => RadialDistribution.Partial(s, pair.Former, pair.Ligand, q.RMaxA, q.BinA)).ToList()));
        var perSnapshot = snaps.Select(s => AnionSpeciationAnalysis.Compute(s, pair.Former, pair.Ligand, cutoff, q.FormerCutoffA)).ToList();
        var json = AnionSpeciationReport.Json(perSnapshot, q.CutoffsA.ContainsKey(label) ? "given" : "first minimum of g(r)");
        output.Json("units.json", json);
        output.Text("units.dump", w =>
        {
            using var dump = new LammpsDumpWriter(w);
            dump.WriteFrame(snaps[0].System, snaps[0].Step ?? 0, AnionSpeciationReport.AtomColumns(perSnapshot[0]));
        });
        string? around = q.UnitsRdfSpecies ?? (snaps[0].Has("Li") ? "Li" : null);
        if (around is not null)
        {
            var curves = AnionSpeciationReport.LigandRdfs(snaps, perSnapshot, around, q.RMaxA, q.BinA);
            output.Text("units_rdf.csv", w => TableWriter.Write(w, ["r_A", .. curves.Select(c => $"g_{c.Label}")],
                Enumerable.Range(0, curves[0].RAngstrom.Length).Select(k => (IReadOnlyList<object?>)[curves[0].RAngstrom[k], .. curves.Select(c => (object?)c.G[k])])));
        }
        lines.Add(string.Create(Ci, $"{label} units within {cutoff:0.###} Å: {string.Join(", ", json["units"]!.AsObject().Select(kv => $"{kv.Key} {kv.Value!.GetValue<double>():0.##}"))}; " +
            $"Q^n {string.Join(", ", json["Q"]!.AsObject().Select(kv => $"Q{kv.Key} {kv.Value!.GetValue<double>():P1}"))}"));
    }

    /// <summary>voronoi.csv for the first snapshot and the per-element distributions (summary entry, voronoi_hist.csv).</summary>
    private static JsonObject WriteVoronoi(LabOutput output, Snapshot snap, IReadOnlyDictionary<string, double>? radii, List<string> lines)
    {
        var v = Structure.Voronoi.Compute(snap, radii?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase));
        var s = snap.System;
        output.Text("voronoi.csv", w => TableWriter.Write(w, ["id", "element", "volume_A3", "faces"],
            Enumerable.Range(0, s.Count).Select(i => (IReadOnlyList<object?>)[s.Id[i], snap.Element(i), v.VolumesA3[i], v.Faces[i]])));
        var hist = VoronoiDistribution.PerElement(snap, v);
        output.Text("voronoi_hist.csv", w => TableWriter.Write(w, ["element", "volume_A3", "probability_density_per_A3"],
            hist.SelectMany(h => h.CentresA3.Select((c, k) => (IReadOnlyList<object?>)[h.Element, c, h.Density[k]]))));
        var json = new JsonObject
        {
            ["snapshot"] = snap.Name,
            ["tessellation"] = radii is null ? "Voronoi (bisector planes)" : string.Create(Ci, $"radical (Laguerre), radii {string.Join(",", radii.Select(kv => $"{kv.Key}={kv.Value}"))} Å"),
            ["total_volume_A3"] = v.TotalA3,
            ["box_volume_A3"] = s.Box.Volume,
        };
        foreach (var h in hist) json[h.Element] = new JsonObject { ["atoms"] = h.Atoms, ["mean_volume_A3"] = h.MeanA3, ["sd_volume_A3"] = h.SdA3 };
        lines.Add(string.Create(Ci, $"Voronoi volumes of {snap.Name}: {string.Join(", ", hist.Select(h => $"{h.Element} {h.MeanA3:0.###} ± {h.SdA3:0.###} Å³"))}; sum {v.TotalA3:0.###} of box {s.Box.Volume:0.###} Å³"));
        return json;
    }

    /// <summary>sq_*.csv, dr_*.csv, scattering_*.png and, with a measured curve, its R_chi.</summary>
    private static JsonObject WriteScattering(LabOutput output, IReadOnlyList<Snapshot> snaps, Radiation radiation, StructureRequest q, List<string> lines)
    {
        string tag = radiation == Radiation.Neutron ? "neutron" : "xray";
        var box = snaps[0].System;
        // terms of the reciprocal-lattice sum ≈ N · V q³/(12π²): keep it near 2e9 (seconds) unless asked
        double qc = q.DirectBelowInvA ?? Math.Min(8.0, Math.Cbrt(2e9 * 12 * Math.PI * Math.PI / (box.Count * box.Box.Volume)));
        var r = Scattering.Compute(snaps, radiation, q.QMaxInvA, q.DqInvA, q.Lorch, directBelowInvA: box.Box.Periodic.All(x => x) ? qc : 0);
        output.Text($"sq_{tag}.csv", w => TableWriter.Write(w, ["q_inv_A", "S"], r.QInvA.Select((x, k) => (IReadOnlyList<object?>)[x, r.S[k]])));
        output.Text($"dr_{tag}.csv", w => TableWriter.Write(w, r.D is null ? ["r_A", "D"] : ["r_A", "D", "T", "D_direct"],
            r.RA.Select((x, k) => (IReadOnlyList<object?>)(r.D is null ? [x, r.DFromQ[k]] : [x, r.DFromQ[k], r.T![k], r.D[k]]))));
        var json = new JsonObject
        {
            ["radiation"] = tag,
            ["q_max_inv_A"] = q.QMaxInvA, ["dq_inv_A"] = q.DqInvA, ["lorch"] = q.Lorch, ["reciprocal_lattice_below_inv_A"] = r.DirectBelowInvA, ["g_r_max_A"] = r.RMaxA,
            ["density_per_A3"] = r.DensityPerA3,
            ["D_units"] = r.Units,
            ["D_definition"] = "D = (2/pi) integral q F(q) M(q) sin(qr) dq over the q range (column D); D_direct = 4 pi rho r G(r) from g(r) (neutron)",
            ["first_peak_q_inv_A"] = r.QInvA[Array.IndexOf(r.S, r.S.Where((_, k) => r.QInvA[k] > 0.5).Max())],
        };
        var sqModel = StructurePlots.SofQ(r, tag);
        var drModel = StructurePlots.DofR(r, tag);
        if (q.ExperimentFile is { } experimentFile)
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
                double qTop = Math.Min(q.QMaxInvA, pts[^1].X);
                var dExp = Scattering.BackTransform(pts.Select(v => v.X).ToList(), Scattering.FOfQ(r, pts.Select(v => v.X).ToList(), pts.Select(v => v.Y).ToList()), r.RA, qTop, q.Lorch);
                var dSim = Scattering.BackTransform(r.QInvA, Scattering.FOfQ(r, r.QInvA, r.S), r.RA, qTop, q.Lorch);
                double rchiR = Scattering.RChi(r.RA, dExp, r.RA, dSim);
                json["R_chi_D_r"] = rchiR;
                json["R_chi_D_r_q_max_inv_A"] = qTop;
                output.Text($"dr_{tag}_experiment.csv", w => TableWriter.Write(w, ["r_A", "D_experiment", "D_simulation"], r.RA.Select((x, k) => (IReadOnlyList<object?>)[x, dExp[k], dSim[k]])));
                StructurePlots.AddTransformed(drModel, "experiment, same transform", r.RA, dExp);
                lines.Add(string.Create(Ci, $"{tag} D(r), both transformed to Q_max {qTop:0.##} 1/Å{(q.Lorch ? " with Lorch" : "")}: R_chi = {rchiR:P2}"));
            }
            StructurePlots.AddMeasured(inQ ? sqModel : drModel, $"experiment ({Path.GetFileName(experimentFile)})", pts);
            lines.Add(string.Create(Ci, $"{tag} {(inQ ? "S(q)" : "D(r)")} against {experimentFile}: R_chi = {rchi:P2}"));
        }
        output.Png($"scattering_{tag}.png", PlotExport.PngGrid([sqModel, drModel], 2));
        lines.Add(string.Create(Ci, $"{tag} S(q) to {q.QMaxInvA} 1/Å from g(r) to {r.RMaxA:0.##} Å{(q.Lorch ? " (Lorch)" : "")}: first peak at {json["first_peak_q_inv_A"]!.GetValue<double>():0.##} 1/Å"));
        return json;
    }

    private static double? TryFirstMinimum(RdfCurve c)
    {
        try { return RadialDistribution.FirstMinimum(c); }
        catch (InputException) { return null; }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Paths;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab neb-hops --data GLASS.data --forcefield FF --dump FILE... --species Li [--softness DIR] [--units P-S] [--max-hops 10] --out DIR</c>:
/// the NEB barrier of hops seen in a trajectory, and their distribution for soft and hard ions and per anion unit.
/// </summary>
public static class NebHopsCommand
{
    public static Command Create()
    {
        var ffo = new ForceFieldOptions("--data", "LAMMPS data file of the system of the dump (types, charges, ids)");
        var dumps = new Option<string[]>("--dump") { Description = "LAMMPS dumps of one NVT run in time order", Required = true, AllowMultipleArgumentsPerToken = true };
        var species = new Option<string>("--species") { Description = "mobile species, e.g. Li", Required = true };
        var timestep = new Option<double>("--timestep-fs") { Description = "MD timestep (fs)", DefaultValueFactory = _ => 1.0 };
        var skip = new Option<double>("--skip-ps") { Description = "equilibration to leave out (ps)", DefaultValueFactory = _ => 0.0 };
        var hop = new Option<double>("--hop-threshold") { Description = "hop: jump of the window-averaged position beyond this (Å)", DefaultValueFactory = _ => 1.5 };
        var window = new Option<double>("--hop-window-ps") { Description = "window of the hop detection, and the time before and after a hop of its end states (ps)", DefaultValueFactory = _ => 0.5 };
        var maxHops = new Option<int>("--max-hops") { Description = "hops to compute, spread evenly over those found", DefaultValueFactory = _ => 10 };
        var softness = new Option<string?>("--softness") { Description = "an ion-softness output folder: label each hop's ion soft, hard or between" };
        var units = new Option<string?>("--units") { Description = "FORMER-LIGAND units (e.g. P-S): label each hop by the unit most of its ion's ligand neighbours belong to" };
        var environment = new Option<double>("--environment-cutoff") { Description = "ion-ligand distance counted as a neighbour (Å)", DefaultValueFactory = _ => 3.0 };
        var images = new Option<int>("--images") { Description = "images per path, end states included", DefaultValueFactory = _ => 7 };
        var ftol = new Option<double>("--ftol") { Description = "NEB force tolerance (eV/Å)", DefaultValueFactory = _ => 0.02 };
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("neb-hops", "NEB barriers of the ion hops in a trajectory, by softness and anion environment");
        ffo.AddTo(cmd);
        foreach (var o in new Option[] { dumps, species, timestep, skip, hop, window, maxHops, softness, units, environment, images, ftol, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            using var binding = ffo.Bind(p);
            var (bound, ff, backend) = binding;
            string outDir = p.GetValue(outOpt)!;
            LogFile.To(outDir, "neb-hops");
            var frames = p.GetValue(dumps)!.SelectMany(f => SnapshotReader.Read(f, bound.TypeElements)).ToList();
            string sp = p.GetValue(species)!;
            var t = IonTrajectory.From(frames, sp, p.GetValue(timestep), null, p.GetValue(skip));
            int w = Math.Max(1, (int)Math.Round(p.GetValue(window) / t.FrameIntervalPs));
            var all = DisplacementStatistics.HopEvents(t, p.GetValue(hop), w);
            int max = p.GetValue(maxHops);
            if (max < 1) throw new InputException($"--max-hops must be at least 1, got {max}");
            if (all.Count == 0) throw new InputException($"no {sp} hop beyond {p.GetValue(hop)} Å in the trajectory; lower --hop-threshold or run longer");
            var chosen = Enumerable.Range(0, Math.Min(max, all.Count)).Select(k => all[k * all.Count / Math.Min(max, all.Count)]).ToList();
            var softLabel = p.GetValue(softness) is { } dir ? ReadSoftness(dir) : null;
            Dictionary<int, string>? unitOf = p.GetValue(units) is { } pair ? DominantUnits(frames[t.FirstFrame], pair, sp, p.GetValue(environment)) : null;
            var settings = new NebSettings(p.GetValue(images), ForceTolerance: p.GetValue(ftol), MaxIterations: 3000);
            List<HopBarrier> barriers = [];
            ConsoleProgress.Run($"NEB of {chosen.Count} hops", (report, token) =>
                barriers = HopBarriers.Run(frames, t, chosen, w, p.GetValue(hop), bound, ff, backend, settings, Path.Combine(outDir, "hops"), (done, total) => report("hops", done, total), token));
            var output = new LabOutput(outDir);
            string Group(HopBarrier b) => softLabel?.GetValueOrDefault(b.Hop.Id) ?? "unlabelled";
            output.Text("hop_barriers.csv", w2 => TableWriter.Write(w2, ["id", "frame", "jump_A", "relaxed_jump_A", "barrier_eV", "reverse_barrier_eV", "converged", "softness_label", "unit", "skipped", "folder"],
                barriers.Select(b => (IReadOnlyList<object?>)[b.Hop.Id, b.Hop.Frame, b.Hop.JumpA, b.RelaxedJumpA, b.BarrierEv, b.ReverseBarrierEv, b.Converged ? 1 : 0, Group(b), unitOf?.GetValueOrDefault(b.Hop.Id), b.Skipped, b.Folder])));
            var used = barriers.Where(b => b.Skipped is null && b.Converged).ToList();
            JsonObject Stats(IEnumerable<HopBarrier> g)
            {
                var v = g.Select(b => b.BarrierEv).ToArray();
                return new JsonObject
                {
                    ["hops"] = v.Length,
                    ["mean_barrier_eV"] = v.Length > 0 ? v.Average() : null,
                    ["sd_barrier_eV"] = v.Length > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(v) : null,
                    ["median_barrier_eV"] = v.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(v) : null,
                };
            }
            var summary = new JsonObject
            {
                ["species"] = sp,
                ["hops_found"] = all.Count,
                ["hops_computed"] = barriers.Count,
                ["hops_used"] = used.Count,
                ["skipped_or_unconverged"] = barriers.Count - used.Count,
                ["end_states"] = FormattableString.Invariant($"frames {w} before and {w - 1} after each hop's peak ({p.GetValue(window)} ps), FIRE-minimized"),
                ["all"] = Stats(used),
                ["by_softness"] = new JsonObject(used.GroupBy(Group).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Stats(g)))),
            };
            if (unitOf is not null) summary["by_unit"] = new JsonObject(used.GroupBy(b => unitOf.GetValueOrDefault(b.Hop.Id) ?? "none").Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Stats(g))));
            output.Json("summary.json", summary);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{used.Count} of {barriers.Count} hops gave a barrier: mean {summary["all"]!["mean_barrier_eV"]} eV; {string.Join(", ", used.GroupBy(Group).Select(g => $"{g.Key} {g.Average(b => b.BarrierEv):0.###} eV ({g.Count()})"))}"));
            Console.WriteLine($"results in {outDir}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>id → soft/hard/between from an ion-softness folder's ion_softness.csv.</summary>
    private static Dictionary<int, string> ReadSoftness(string dir)
    {
        string file = Path.Combine(dir, "ion_softness.csv");
        var table = Experiments.Tables.CsvTable.Read(file);
        if (!table.Has("id") || !table.Has("label")) throw new InputException($"{file}: expected columns id and label (an ion-softness output)");
        return table.Rows.ToDictionary(r => (int)(table.Number(r, "id") ?? throw new InputException($"{file} line {r.Line}: id is not a number")),
            r => table.Cell(r, "label") is { Length: > 0 } l ? l : "between");
    }

    /// <summary>id → the unit kind most of the ion's ligand neighbours belong to, in the given frame.</summary>
    private static Dictionary<int, string> DominantUnits(Snapshot snap, string pairText, string species, double cutoffA)
    {
        var parts = pairText.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(x => x.Length == 0)) throw new InputException($"--units '{pairText}': expected FORMER-LIGAND, e.g. P-S");
        double rc = RadialDistribution.FirstMinimum(RadialDistribution.Partial(snap, parts[0], parts[1]));
        var sp = AnionSpeciationAnalysis.Compute(snap, parts[0], parts[1], rc);
        var ions = snap.IndicesOf(species);
        var shares = BondSwitch.Softness.IonSoftness.UnitEnvironment(snap, sp, ions, cutoffA);
        return ions.Select((i, k) => (Id: snap.System.Id[i], Unit: shares.Where(kv => double.IsFinite(kv.Value[k])).OrderByDescending(kv => kv.Value[k]).Select(kv => kv.Key.Split("_of_")[1]).FirstOrDefault() ?? "none"))
            .ToDictionary(x => x.Id, x => x.Unit);
    }
}

using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Paths;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// A migration barrier by NEB between two states of one system (an ion before and after a hop): the end states relaxed
/// by FIRE unless asked not to, the band relaxed (<see cref="NudgedElasticBand"/>), and the results written as LAMMPS's
/// and ASE's users expect them: summary.json, neb.csv, every image as a data file, neb.png.
/// </summary>
public static class MigrationBarrier
{
    public sealed record Request(AtomSystem Initial, AtomSystem Final, string InitialName, string FinalName, NebSettings Settings, bool RelaxEnds = true, double EndForceTolerance = 1e-3);

    public static (NebResult Result, JsonObject Summary) Run(Request q, CompiledForceField ff, IPairBackend backend, string outDir, Action<int, double>? progress = null, CancellationToken cancel = default)
    {
        var forces = new ForceComputer(ff, backend);
        var initial = q.Initial.Clone();
        var final = initial.Clone();
        AtomSurface.Load(AtomSurface.Matched(q.Initial, q.Final, q.InitialName, q.FinalName), final);
        MinimizationResult? ri = null, rf = null;
        if (q.RelaxEnds)
        {
            ri = Fire.Minimize(initial, forces, q.EndForceTolerance, 20000);
            rf = Fire.Minimize(final, forces, q.EndForceTolerance, 20000);
        }
        var surface = new AtomSurface(initial, forces);
        var result = NudgedElasticBand.Run(surface, AtomSurface.Coordinates(initial), AtomSurface.Coordinates(final), q.Settings, progress, cancel);
        var output = new LabOutput(outDir);
        var image = initial.Clone();
        for (int i = 0; i < result.Images.Length; i++)
        {
            AtomSurface.Load(result.Images[i], image);
            image.WrapIntoBox();
            string name = $"images/image_{i:00}.data";
            Directory.CreateDirectory(Path.Combine(output.Folder, "images"));
            LammpsDataWriter.Write(Path.Combine(output.Folder, name), image, $"NEB image {i} of {result.Images.Length - 1}, E = {result.EnergiesEv[i]:R} eV");
        }
        double e0 = result.EnergiesEv[0];
        output.Text("neb.csv", w => TableWriter.Write(w, ["image", "reaction_coordinate_A", "energy_eV", "relative_energy_eV"],
            result.EnergiesEv.Select((e, i) => (IReadOnlyList<object?>)[i, result.ReactionCoordinateA[i], e, e - e0])));
        var summary = new JsonObject
        {
            ["barrier_eV"] = result.BarrierEv,
            ["reverse_barrier_eV"] = result.ReverseBarrierEv,
            ["reaction_energy_eV"] = result.EnergiesEv[^1] - e0,
            ["saddle_image"] = result.HighestImage,
            ["climbing_image"] = result.ClimbingImage >= 0 ? result.ClimbingImage : null,
            ["barrier_from"] = result.ClimbingImage >= 0 ? "the climbing image (the saddle point)" : "the highest image (no climbing image: an upper bound on the path, not the saddle)",
            ["converged"] = result.Converged,
            ["iterations"] = result.Iterations,
            ["max_neb_force_eV_per_A"] = result.MaxForce,
            ["images"] = result.Images.Length,
            ["spring_eV_per_A2"] = q.Settings.SpringEvPerA2,
            ["force_tolerance_eV_per_A"] = q.Settings.ForceTolerance,
            ["energies_eV"] = new JsonArray([.. result.EnergiesEv.Select(e => (JsonNode)e)]),
            ["reaction_coordinate_A"] = new JsonArray([.. result.ReactionCoordinateA.Select(e => (JsonNode)e)]),
            ["end_states_relaxed"] = q.RelaxEnds,
            ["initial"] = q.InitialName,
            ["final"] = q.FinalName,
            ["method"] = "NEB, improved tangent and climbing image (Henkelman & Jonsson 2000; Henkelman, Uberuaga & Jonsson 2000), FIRE on all images",
        };
        if (ri is not null && rf is not null)
            summary["end_state_minimization"] = new JsonObject { ["initial_converged"] = ri.Converged, ["final_converged"] = rf.Converged, ["initial_max_force_eV_per_A"] = ri.MaxForceEvPerAngstrom, ["final_max_force_eV_per_A"] = rf.MaxForceEvPerAngstrom };
        output.Json("summary.json", summary);
        var model = PlotExport.NewModel("NEB path", "reaction coordinate (Å)", "E − E(initial) (eV)");
        var line = new LineSeries { Color = OxyColors.SteelBlue, MarkerType = MarkerType.Circle, MarkerSize = 4, Title = result.ClimbingImage >= 0 ? $"barrier {result.BarrierEv:0.###} eV (climbing image)" : $"highest image {result.BarrierEv:0.###} eV" };
        for (int i = 0; i < result.EnergiesEv.Length; i++) line.Points.Add(new DataPoint(result.ReactionCoordinateA[i], result.EnergiesEv[i] - e0));
        model.Series.Add(line);
        output.Png("neb.png", PlotExport.Png(model));
        return (result, summary);
    }
}

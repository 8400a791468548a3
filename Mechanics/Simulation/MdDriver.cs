using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Gpu;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;
using Serilog;

using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Simulation;

/// <summary>How an md run ended: the exit code (0 done, 130 cancelled with a checkpoint) and the line to print.</summary>
public sealed record MdOutcome(int Code, string Message);

/// <summary>
/// Runs an <see cref="MdPlan"/>: velocities, optional minimization, the MD loop with progress, cancellation and
/// checkpoints, and the result files (thermo.csv streamed, trajectory, final structure, summary.json, plan.json).
/// The caller shows progress (<paramref name="progress"/> in <see cref="Run"/>) and prints the outcome.
/// </summary>
public static class MdDriver
{
    public static MdOutcome Run(AtomSystem system, CompiledForceField ff, IPairBackend backend, MdPlan plan, string source, ProgressRunner progress)
    {
        Directory.CreateDirectory(plan.OutDir);
        string checkpoint = Path.Combine(plan.OutDir, "checkpoint.bin");
        var forces = new ForceComputer(ff, backend);
        double dtPs = plan.DtFs * MetalUnits.Femtosecond;
        var run = new MdRun(system, forces, CreateIntegrator(plan, backend, ff), dtPs, Log.Logger) { Runaway = plan.Runaway };
        MinimizationResult? minimized = null;
        var planJson = Plan(plan, ff, backend, run.Integrator.Name, source);
        // the checkpoint's own copy of the plan: a resume with another force field, timestep, ensemble, ... is refused, naming each difference
        ResumeCheck.Apply(checkpoint + ".plan.json", planJson, plan.Resume, ["fracturelab_version", "backend", "steps", "new_velocities", "minimize", "seed"]);
        if (plan.Resume)
        {
            var stored = Checkpoint.ReadSystem(checkpoint);
            CopyState(stored, system, checkpoint);
            Checkpoint.Restore(checkpoint, run);
            Log.Information("Resumed from {Checkpoint} at step {Step}", checkpoint, run.Step);
        }
        else
        {
            if (plan.Minimize is { } m)
            {
                minimized = m == "fire" ? Fire.Minimize(system, forces) : ConjugateGradient.Minimize(system, forces);
                Log.Information("Minimized ({Method}): {Iterations} iterations, energy {Energy} eV, max force {Fmax} eV/Å", m, minimized.Iterations, minimized.EnergyEv, minimized.MaxForceEvPerAngstrom);
                JsonOutput.Write(Path.Combine(plan.OutDir, "minimization.json"), MinimizationJson(minimized));
            }
            if (plan.DrawVelocities) Kinetics.AssignMaxwellBoltzmann(system, plan.TemperatureK, plan.Seed, ff.CoreShell);
            run.Initialize();
        }
        // thermo.csv is streamed and flushed per record (a killed run keeps every row up to its last record); on resume it
        // restarts from the checkpoint's rows, which are exactly the rows up to the checkpoint step
        using var thermo = new StreamWriter(Path.Combine(plan.OutDir, "thermo.csv"), append: false);
        ThermoRow.WriteCsv(thermo, run.Thermo);
        thermo.Flush();
        run.OnRecord = row => { thermo.WriteLine(row.ToCsv()); thermo.Flush(); };
        if (run.Thermo.Count == 0) run.Record();
        JsonOutput.Write(Path.Combine(plan.OutDir, "plan.json"), planJson);

        // On resume the dump keeps the frames before the checkpoint step and continues after them (the frame of the
        // checkpoint step itself is written again from the restored state, which a kill may have cut off).
        string dumpPath = Path.Combine(plan.OutDir, plan.ExtendedXyz ? "trajectory.xyz" : "trajectory.dump");
        if (plan.Resume && plan.DumpEvery > 0)
        {
            if (plan.ExtendedXyz) ExtendedXyzReader.TruncateFrom(dumpPath, run.Step);
            else LammpsDumpFiles.TruncateFrom(dumpPath, run.Step);
        }
        LammpsDumpWriter? dump = plan.DumpEvery > 0 && !plan.ExtendedXyz ? new LammpsDumpWriter(dumpPath, [.. LammpsDumpWriter.DefaultColumns, "vx", "vy", "vz"], append: plan.Resume) : null;
        using ExtendedXyzWriter? xyz = plan.DumpEvery > 0 && plan.ExtendedXyz ? new ExtendedXyzWriter(dumpPath, velocities: true, append: plan.Resume) : null;
        void WriteFrame()
        {
            var extra = plan.DumpPerAtomEnergy ? new Dictionary<string, double[]> { ["c_pe"] = forces.PerAtom(system).PerAtomEnergy! } : null;
            if (xyz is not null) xyz.WriteFrame(system, run.Step, run.ElapsedPs, extra);
            else dump!.WriteFrame(system, run.Step, extra);
        }
        if (plan.DumpEvery > 0 && plan.Resume && run.Step > 0 && run.Step % plan.DumpEvery == 0) WriteFrame();
        long remaining = plan.Resume ? Math.Max(0, plan.Steps - run.Step) : plan.Steps;
        long firstStep = run.Step;
        var clock = Stopwatch.StartNew();
        bool completed = true;
        RunawayException? runaway = null;
        try
        {
            progress($"MD {plan.Ensemble.Name()} ({system.Count} atoms)", (report, token) =>
            {
                long done = 0;
                while (done < remaining && completed)
                {
                    long chunk = plan.DumpEvery > 0 ? Math.Min(plan.DumpEvery - run.Step % plan.DumpEvery, remaining - done) : remaining - done;
                    completed = run.Run(chunk, plan.ThermoEvery, token, checkpoint, plan.CheckpointEvery, step => report("steps", step - firstStep, remaining));
                    done += chunk;
                    if (plan.DumpEvery > 0 && run.Step % plan.DumpEvery == 0) WriteFrame();
                }
            });
        }
        catch (RunawayException e)
        {
            // Everything recorded up to the runaway step is kept: the thermo table (its last row is the bad state),
            // the dump frames before it and a summary saying why the run stopped; the checkpoints stay as they were.
            runaway = e;
        }
        finally
        {
            dump?.Dispose();
            run.OnRecord = null;
            thermo.Dispose();
        }
        clock.Stop();
        long stepsRun = run.Step - firstStep;
        if (runaway is not null)
        {
            WriteResults(run, plan, clock.Elapsed.TotalSeconds, stepsRun, minimized, backend, final: false, runaway);
            throw runaway;
        }
        if (!completed)
        {
            WriteResults(run, plan, clock.Elapsed.TotalSeconds, stepsRun, minimized, backend, final: false);
            return new MdOutcome(130, $"cancelled at step {run.Step}: checkpoint written to {checkpoint}; continue with --resume");
        }
        run.SaveCheckpoint(checkpoint);
        WriteResults(run, plan, clock.Elapsed.TotalSeconds, stepsRun, minimized, backend, final: true);
        var last = run.Thermo[^1];
        return new MdOutcome(0, string.Create(CultureInfo.InvariantCulture,
            $"{stepsRun} steps of {system.Count} atoms in {clock.Elapsed.TotalSeconds:F2} s ({system.Count * stepsRun / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):G4} atom-steps/s); T = {last.TemperatureK:F1} K, E = {last.TotalEv:F4} eV, P = {last.PressureGpa:F3} GPa; results in {plan.OutDir}"));
    }

    /// <summary>
    /// The plan's integrator; on the Gpu back end it runs with the atoms resident on the device between outputs
    /// (<see cref="ResidentIntegrator"/>), except with k-space, whose mesh part is on the host.
    /// </summary>
    private static IIntegrator CreateIntegrator(MdPlan p, IPairBackend backend, CompiledForceField ff)
    {
        var host = Ensembles.Create(p.Ensemble, p.Thermostat, p.TemperatureK, p.PressureGpa, p.Coupled, p.TDampPs, p.PDampPs);
        return MdRun.ForBackend(host, backend, ff);
    }

    private static void CopyState(AtomSystem from, AtomSystem to, string path)
    {
        if (from.Count != to.Count || from.TypeCount != to.TypeCount)
            throw new InputException($"checkpoint '{path}' ({from.Count} atoms, {from.TypeCount} types) does not belong to this data file ({to.Count} atoms, {to.TypeCount} types)");
        to.Box.CopyFrom(from.Box);
        foreach (var (a, b) in new[] { (from.X, to.X), (from.Y, to.Y), (from.Z, to.Z), (from.Vx, to.Vx), (from.Vy, to.Vy), (from.Vz, to.Vz), (from.Fx, to.Fx), (from.Fy, to.Fy), (from.Fz, to.Fz) })
            Array.Copy(a, b, a.Length);
        foreach (var (a, b) in new[] { (from.Type, to.Type), (from.Id, to.Id), (from.ImageX, to.ImageX), (from.ImageY, to.ImageY), (from.ImageZ, to.ImageZ) })
            Array.Copy(a, b, a.Length);
    }

    private static JsonObject Plan(MdPlan plan, CompiledForceField ff, IPairBackend backend, string integrator, string source)
    {
        return new JsonObject
        {
            ["schema"] = "fracturelab.md-plan/1",
            ["fracturelab_version"] = BuildVersion.Text,
            ["data"] = source,
            ["forcefield"] = ff.Definition.Name,
            ["citation"] = ff.Definition.Citation,
            ["coulomb"] = ff.CoulombSettings.Describe(),
            ["max_cutoff_A"] = ff.MaxCutoff,
            ["backend"] = backend.Name,
            ["integrator"] = integrator,
            ["steps"] = plan.Steps, ["dt_fs"] = plan.DtFs, ["ensemble"] = plan.Ensemble.Name(), ["thermostat"] = plan.Thermostat.Name(),
            ["temperature_K"] = plan.TemperatureK, ["pressure_GPa"] = plan.PressureGpa,
            ["coupled_axes"] = string.Concat("xyz".Where((_, a) => plan.Coupled[a])),
            ["tdamp_ps"] = plan.TDampPs, ["pdamp_ps"] = plan.PDampPs, ["seed"] = plan.Seed, ["new_velocities"] = plan.DrawVelocities,
            ["minimize"] = plan.Minimize,
            ["assumptions"] = new JsonArray(ff.Assumptions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        };
    }

    private static void WriteResults(MdRun run, MdPlan plan, double wallSeconds, long stepsRun, MinimizationResult? minimized, IPairBackend backend, bool final, RunawayException? runaway = null)
    {
        AtomicFile.Write(Path.Combine(plan.OutDir, "thermo.csv"), w => ThermoRow.WriteCsv(w, run.Thermo));
        if (final) LammpsDataWriter.Write(Path.Combine(plan.OutDir, "final.data"), run.System, $"step {run.Step}");
        if (final && plan.ExtendedXyz)
            AtomicFile.Write(Path.Combine(plan.OutDir, "final.xyz"), w => new ExtendedXyzWriter(w, velocities: true).WriteFrame(run.System, run.Step, run.ElapsedPs));
        var first = run.Thermo[0];
        var last = run.Thermo[^1];
        double elapsedPs = last.TimePs - first.TimePs;
        var json = new JsonObject
        {
            ["atoms"] = run.System.Count,
            ["steps"] = run.Step,
            ["steps_this_invocation"] = stepsRun,
            ["completed"] = final,
            ["backend"] = backend.Name,
            ["wall_seconds"] = wallSeconds,
            ["atom_steps_per_second"] = run.System.Count * stepsRun / Math.Max(wallSeconds, 1e-9),
            ["final_potential_energy_eV"] = last.PotentialEv,
            ["final_kinetic_energy_eV"] = last.KineticEv,
            ["final_total_energy_eV"] = last.TotalEv,
            ["final_temperature_K"] = last.TemperatureK,
            ["final_pressure_GPa"] = last.PressureGpa,
            ["final_volume_A3"] = last.VolumeA3,
            ["neighbor_list_builds"] = backend is GpuBackend gpu ? gpu.ListBuilds : run.NeighborListBuilds,
            // entries the pair kernel evaluates per atom and step: half list (cut-off + skin) on the CPU, full list on the device
            ["neighbor_list_entries_per_atom"] = backend is GpuBackend g ? g.MeanListEntries() : (double)run.Forces.List.PairCount / run.System.Count,
            ["pairs_within_cutoff_per_atom"] = backend is SimdBackend sb ? (double)sb.LastPairsWithinCutoff / run.System.Count : null,
        };
        if (runaway is not null)
            json["runaway"] = new JsonObject { ["step"] = runaway.Step, ["quantity"] = runaway.Quantity, ["message"] = runaway.Message };
        if (plan.Ensemble == Ensemble.Nve && elapsedPs > 0 && runaway is null)
            json["nve_energy_drift_eV_per_atom_per_ps"] = (last.TotalEv - first.TotalEv) / run.System.Count / elapsedPs;
        // the minimization ran in the first invocation; a resumed run reports it from the file written then
        string minimizationFile = Path.Combine(plan.OutDir, "minimization.json");
        if (minimized is not null) json["minimization"] = MinimizationJson(minimized);
        else if (plan.Resume && File.Exists(minimizationFile))
            json["minimization"] = JsonNode.Parse(File.ReadAllText(minimizationFile));
        JsonOutput.Write(Path.Combine(plan.OutDir, "summary.json"), json);
    }

    private static JsonObject MinimizationJson(MinimizationResult m) =>
        new() { ["iterations"] = m.Iterations, ["energy_eV"] = m.EnergyEv, ["max_force_eV_per_A"] = m.MaxForceEvPerAngstrom, ["converged"] = m.Converged };
}

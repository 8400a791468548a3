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
    /// <summary>Peak resident set of this process (bytes): VmHWM of /proc/self/status on Linux, else the runtime's peak working set.</summary>
    private static long PeakMemoryBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    public static MdOutcome Run(AtomSystem system, CompiledForceField ff, IPairBackend backend, MdPlan plan, string source, ProgressRunner progress)
    {
        Directory.CreateDirectory(plan.OutDir);
        string checkpoint = Path.Combine(plan.OutDir, "checkpoint.bin");
        var forces = new ForceComputer(ff, backend, plan.SkinA);
        var stage = new Stage("md", new EnsembleSettings(plan.Ensemble, plan.TemperatureK, plan.PressureGpa, plan.Coupled, plan.Thermostat, plan.TDampPs, plan.PDampPs),
            plan.Steps, plan.DtFs * MetalUnits.Femtosecond) { ThermoEvery = plan.ThermoEvery, Runaway = plan.Runaway };
        var simulation = new Simulation(system, forces, Log.Logger)
        {
            CheckpointPath = checkpoint,
            CheckpointEvery = plan.CheckpointEvery,
            ResumeFrom = plan.Resume ? checkpoint : null,
        };
        MinimizationResult? minimized = null;
        var planJson = Plan(plan, ff, backend, simulation.IntegratorFor(stage).Name, source);
        // the checkpoint's own copy of the plan: a resume with another force field, timestep, ensemble, ... is refused, naming each difference
        ResumeCheck.Apply(checkpoint + ".plan.json", planJson, plan.Resume, ["fracturelab_version", "backend", "steps", "new_velocities", "minimize", "seed"]);
        if (plan.Resume) CopyState(Checkpoint.ReadSystem(checkpoint), system, checkpoint);
        else
        {
            if (plan.Minimize is { } m)
            {
                minimized = m == "fire" ? Fire.Minimize(system, forces) : ConjugateGradient.Minimize(system, forces);
                Log.Information("Minimized ({Method}): {Iterations} iterations, energy {Energy} eV, max force {Fmax} eV/Å", m, minimized.Iterations, minimized.EnergyEv, minimized.MaxForceEvPerAngstrom);
                JsonOutput.Write(Path.Combine(plan.OutDir, "minimization.json"), MinimizationJson(minimized));
            }
            if (plan.DrawVelocities) Kinetics.AssignMaxwellBoltzmann(system, plan.TemperatureK, plan.Seed, ff.CoreShell);
        }
        JsonOutput.Write(Path.Combine(plan.OutDir, "plan.json"), planJson);

        var thermo = new ThermoStream(Path.Combine(plan.OutDir, "thermo.csv"));
        var frames = plan.DumpEvery > 0 ? new TrajectoryFrames(plan, forces) : null;
        var loop = new LoopClock();
        ISimulationObserver[] observers = frames is null ? [thermo, loop] : [thermo, frames, loop];
        double buildBefore = forces.List.BuildSeconds; // list builds of the minimization are not the run's
        var clock = Stopwatch.StartNew();
        long? firstStep = null;
        var end = SimulationEnd.Completed;
        RunawayException? runaway = null;
        try
        {
            progress($"MD {plan.Ensemble.Name()} ({system.Count} atoms)", (report, token) =>
                end = simulation.Run([stage], observers, token, p =>
                {
                    firstStep ??= p.FirstStep;
                    report("steps", p.Step - p.FirstStep, plan.Steps - p.FirstStep);
                }));
        }
        catch (RunawayException e)
        {
            // Everything recorded up to the runaway step is kept: the thermo table (its last row is the bad state),
            // the dump frames before it and a summary saying why the run stopped; the checkpoints stay as they were.
            runaway = e;
        }
        finally
        {
            frames?.Dispose();
            thermo.Dispose();
        }
        clock.Stop();
        var times = new RunTimes(clock.Elapsed.TotalSeconds, loop.Seconds ?? clock.Elapsed.TotalSeconds, forces.List.BuildSeconds - buildBefore) { LoopTimers = loop.Timers };
        if (times.LoopTimers is { } lt && backend is not GpuBackend)
            Log.Information("Loop time {Loop:F3} s: pair {Pair:F3} s, kspace {KSpace:F3} s, neighbor list {Neighbor:F3} s, other {Other:F3} s",
                times.LoopSeconds, lt.Pair, lt.KSpace, lt.Neighbor, times.OtherSeconds);
        var run = simulation.Current!;
        long stepsRun = run.Step - (firstStep ?? run.Step);
        if (runaway is not null)
        {
            WriteResults(run, plan, times, stepsRun, minimized, backend, final: false, runaway);
            throw runaway;
        }
        if (end == SimulationEnd.Cancelled)
        {
            WriteResults(run, plan, times, stepsRun, minimized, backend, final: false);
            return new MdOutcome(130, $"cancelled at step {run.Step}: checkpoint written to {checkpoint}; continue with --resume");
        }
        run.SaveCheckpoint(checkpoint);
        WriteResults(run, plan, times, stepsRun, minimized, backend, final: true);
        var last = run.Thermo[^1];
        return new MdOutcome(0, string.Create(CultureInfo.InvariantCulture,
            $"{stepsRun} steps of {system.Count} atoms in {clock.Elapsed.TotalSeconds:F2} s ({times.AtomStepsPerSecond(system.Count, stepsRun):G4} atom-steps/s, setup excluded); T = {last.TemperatureK:F1} K, E = {last.TotalEv:F4} eV, P = {last.PressureGpa:F3} GPa; results in {plan.OutDir}"));
    }

    /// <summary>
    /// thermo.csv, streamed and flushed per record (a killed run keeps every row up to its last record); on resume it
    /// restarts from the checkpoint's rows, which are exactly the rows up to the checkpoint step.
    /// </summary>
    /// <summary>
    /// Times of an md invocation (s): the whole of it (wall), the step loop alone (from the first stage's start, forces
    /// and list ready, to the end: what LAMMPS's "Loop time" and "Performance" line count, its setup excluded), and the
    /// host list builds.
    /// </summary>
    private sealed record RunTimes(double WallSeconds, double LoopSeconds, double ListBuildSeconds)
    {
        public double AtomStepsPerSecond(int atoms, long steps) => atoms * steps / Math.Max(LoopSeconds, 1e-9);

        /// <summary>Seconds of the step loop in the host pair loop, the reciprocal part and the list builds (null before the loop ran).</summary>
        public (double Pair, double KSpace, double Neighbor)? LoopTimers { get; init; }

        /// <summary>The rest of the step loop (s): integrator, thermostat, output, checkpoints (NaN without <see cref="LoopTimers"/>).</summary>
        public double OtherSeconds => LoopTimers is { } t ? LoopSeconds - t.Pair - t.KSpace - t.Neighbor : double.NaN;

        /// <summary>
        /// The step loop's time split as LAMMPS's "MPI task timing breakdown" (Pair, Kspace, Neigh; Other = the rest: the
        /// integrator, thermostat, thermo and dump output, checkpoints), seconds and percent of the loop; null on the Gpu back
        /// end, whose pair loop, list and integrator run on the device.
        /// </summary>
        public JsonObject? Breakdown(bool device)
        {
            if (device || LoopTimers is not { } t || !(LoopSeconds > 0)) return null;
            var o = new JsonObject();
            void Add(string name, double seconds) { o[name + "_seconds"] = seconds; o[name + "_percent"] = 100 * seconds / LoopSeconds; }
            Add("pair", t.Pair);
            Add("kspace", t.KSpace);
            Add("neighbor", t.Neighbor);
            Add("other", OtherSeconds);
            return o;
        }
    }

    /// <summary>When the step loop starts: the first stage's Started call (after the first force computation and list build).</summary>
    private sealed class LoopClock : ISimulationObserver
    {
        private long? _start;
        private ForceComputer? _forces;
        private double _pair, _kspace, _neighbor;
        public double? Seconds => _start is { } t ? Stopwatch.GetElapsedTime(t).TotalSeconds : null;

        public bool Started(MdRun run, Stage stage, bool resumed)
        {
            if (_start is not null) return true;
            _start = Stopwatch.GetTimestamp();
            _forces = run.Forces;
            (_pair, _kspace, _neighbor) = (_forces.PairSeconds, _forces.KSpaceSeconds, _forces.List.BuildSeconds);
            return true;
        }

        /// <summary>The host timers' seconds since the loop started (pair, kspace, neighbor list builds), or null before it.</summary>
        public (double Pair, double KSpace, double Neighbor)? Timers => _forces is { } f
            ? (f.PairSeconds - _pair, f.KSpaceSeconds - _kspace, f.List.BuildSeconds - _neighbor) : null;
    }

    private sealed class ThermoStream(string path) : ISimulationObserver, IDisposable
    {
        private readonly StreamWriter _w = new(path, append: false);

        public bool Started(MdRun run, Stage stage, bool resumed)
        {
            ThermoRow.WriteCsv(_w, run.Thermo);
            _w.Flush();
            return true;
        }

        public void OnRecord(ThermoRow row)
        {
            _w.WriteLine(row.ToCsv());
            _w.Flush();
        }

        public void Dispose() => _w.Dispose();
    }

    /// <summary>
    /// The trajectory (LAMMPS dump or extended XYZ) every <see cref="MdPlan.DumpEvery"/> steps. On resume the file keeps
    /// the frames before the checkpoint step and continues after them (the frame of the checkpoint step itself is written
    /// again from the restored state, which a kill may have cut off).
    /// </summary>
    private sealed class TrajectoryFrames(MdPlan plan, ForceComputer forces) : ISimulationObserver, IDisposable
    {
        private readonly string _path = Path.Combine(plan.OutDir, plan.ExtendedXyz ? "trajectory.xyz" : "trajectory.dump");
        private LammpsDumpWriter? _dump;
        private ExtendedXyzWriter? _xyz;
        public long Interval => plan.DumpEvery;

        public bool Started(MdRun run, Stage stage, bool resumed)
        {
            if (resumed)
            {
                if (plan.ExtendedXyz) ExtendedXyzReader.TruncateFrom(_path, run.Step);
                else LammpsDumpFiles.TruncateFrom(_path, run.Step);
            }
            if (plan.ExtendedXyz) _xyz = new ExtendedXyzWriter(_path, velocities: true, append: resumed);
            else _dump = new LammpsDumpWriter(_path, [.. LammpsDumpWriter.DefaultColumns, "vx", "vy", "vz"], append: resumed);
            if (resumed && run.Step > 0 && run.Step % plan.DumpEvery == 0) AtInterval(run);
            return true;
        }

        public bool AtInterval(MdRun run)
        {
            var extra = plan.DumpPerAtomEnergy ? new Dictionary<string, double[]> { ["c_pe"] = forces.PerAtom(run.System).PerAtomEnergy! } : null;
            if (_xyz is not null) _xyz.WriteFrame(run.System, run.Step, run.ElapsedPs, extra);
            else _dump!.WriteFrame(run.System, run.Step, extra);
            return true;
        }

        public void Dispose()
        {
            _dump?.Dispose();
            _xyz?.Dispose();
        }
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
            ["minimize"] = plan.Minimize, ["skin_A"] = plan.SkinA,
            ["assumptions"] = new JsonArray(ff.Assumptions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        };
    }

    private static void WriteResults(MdRun run, MdPlan plan, RunTimes times, long stepsRun, MinimizationResult? minimized, IPairBackend backend, bool final, RunawayException? runaway = null)
    {
        AtomicFile.Write(Path.Combine(plan.OutDir, "thermo.csv"), w => ThermoRow.WriteCsv(w, run.Thermo));
        if (final) LammpsDataWriter.Write(Path.Combine(plan.OutDir, "final.data"), run.System, $"step {run.Step}");
        if (final && plan.ExtendedXyz)
            AtomicFile.Write(Path.Combine(plan.OutDir, "final.xyz"), w => new ExtendedXyzWriter(w, velocities: true).WriteFrame(run.System, run.Step, run.ElapsedPs));
        var first = run.Thermo[0];
        var last = run.Thermo[^1];
        double elapsedPs = last.TimePs - first.TimePs;
        long peak = PeakMemoryBytes();
        var json = new JsonObject
        {
            ["atoms"] = run.System.Count,
            ["steps"] = run.Step,
            ["steps_this_invocation"] = stepsRun,
            ["completed"] = final,
            ["backend"] = backend.Name,
            ["wall_seconds"] = times.WallSeconds,
            // as LAMMPS's Performance line: the step loop only, the setup (first forces and list build) excluded
            ["loop_seconds"] = times.LoopSeconds,
            ["setup_seconds"] = times.WallSeconds - times.LoopSeconds,
            ["atom_steps_per_second"] = times.AtomStepsPerSecond(run.System.Count, stepsRun),
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
            // host list builds of this invocation's MD (the first force call's included; the Gpu back end builds its list on the device)
            ["neighbor_list_build_seconds"] = backend is GpuBackend ? null : times.ListBuildSeconds,
            ["timing_breakdown"] = times.Breakdown(backend is GpuBackend),
            // the process's peak resident memory over the whole invocation (reading the data file included), and per atom
            ["peak_memory_bytes"] = peak,
            ["peak_memory_bytes_per_atom"] = (double)peak / run.System.Count,
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

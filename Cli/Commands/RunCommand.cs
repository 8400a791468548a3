using System.CommandLine;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab run</c> with no file runs the embedded default job. Until the fracture protocols land
/// (pre-crack and tension), the default job equilibrates the shipped 576-atom BKS silica glass
/// (BKS + D/r²⁴ walls, DSF 0.2 Å⁻¹ / 10 Å) with Nosé-Hoover NVT at 300 K for 2 ps and writes thermo,
/// final structure and summary.
/// </summary>
public static class RunCommand
{
    public const string DefaultGlass = "silica576";

    public static Command Create()
    {
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/run" };
        var backendOpt = new Option<string>("--backend") { Description = "reference or simd", DefaultValueFactory = _ => "simd" };
        var threadsOpt = new Option<int>("--threads") { Description = "threads for the simd back end (0 = all cores)", DefaultValueFactory = _ => 0 };
        var stepsOpt = new Option<long>("--steps") { Description = "MD steps of the default job", DefaultValueFactory = _ => 2000 };
        var cmd = new Command("run", "Run the embedded default job (NVT equilibration of a shipped silica glass)");
        cmd.Options.Add(outOpt);
        cmd.Options.Add(backendOpt);
        cmd.Options.Add(threadsOpt);
        cmd.Options.Add(stepsOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string text = ShippedStructures.Text(DefaultGlass);
            var system = LammpsDataReader.Parse(text.Split('\n'), $"embedded:{DefaultGlass}.data");
            var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(system));
            var compiled = new CompiledForceField(ff, system);
            var kind = p.GetValue(backendOpt) switch
            {
                "reference" => BackendKind.Reference, "simd" => BackendKind.Simd,
                var b => throw new Mechanics.InputException($"--backend '{b}': expected reference or simd"),
            };
            long steps = p.GetValue(stepsOpt);
            if (steps < 0) throw new Mechanics.InputException($"--steps must be ≥ 0, got {steps}");
            var plan = new MdPlan(steps, 1.0, "nvt", "nose-hoover", 300.0, 0.0, [true, true, true], 0.1, 1.0, 12345,
                DrawVelocities: true, Minimize: null, ThermoEvery: 100, DumpEvery: 0, CheckpointEvery: 1000, Resume: false, OutDir: p.GetValue(outOpt)!);
            return MdDriver.Run(system, compiled, BackendFactory.Create(kind, p.GetValue(threadsOpt)), plan, $"embedded:{DefaultGlass}.data");
        }));
        return cmd;
    }
}

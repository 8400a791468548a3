using System.Diagnostics;
using System.Globalization;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Gpu;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Benchmarks.GpuSweep;

/// <summary>
/// Throughput sweep of the Gpu back end: BKS silica (the shipped 1800-atom glass replicated n×n×n), DSF 10 Å
/// (α = 0.2 1/Å, A&amp;S erfc as LAMMPS coul/dsf), NVE 1 fs at 300 K with the resident integrator; prints atom-steps/s,
/// pair evaluations/s and the estimated FP64 rate against the card's peak.
/// FLOPs per pair: 90, counted in ForceKernels.Pairs with Buckingham and DSF, each add, multiply, divide, sqrt and exp
/// counting one: image shift and r² 14, Buckingham 18, DSF with the A&amp;S erfc 36, accumulation of force, energies and
/// virial 22. Each pair is evaluated twice (full list), as every GPU MD code with a full list does.
/// With <c>--coulomb pppm</c> the Coulomb sum is smooth PME on the device (real-space erfc 10 Å plus the mesh at
/// <c>--kspace-accuracy</c>, default 1e-5 as LAMMPS <c>pppm 1e-5</c>); the FLOP columns are then left empty, since the
/// count above is the DSF kernel's and the mesh's work is not per pair.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try { return Run(args); }
        catch (InputException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }
    }

    private const double FlopsPerPair = 90;

    private static int Run(string[] args)
    {
        string device = Arg(args, "--device", "auto");
        var reps = Arg(args, "--replicate", "1,2,3,4,6,8").Split(',').Select(int.Parse).ToArray();
        int steps = int.Parse(Arg(args, "--steps", "200"), CultureInfo.InvariantCulture);
        double peakTflops = double.Parse(Arg(args, "--peak-tflops", "34"), CultureInfo.InvariantCulture);
        string coulomb = Arg(args, "--coulomb", "dsf");
        double accuracy = double.Parse(Arg(args, "--kspace-accuracy", "1e-5"), CultureInfo.InvariantCulture);
        var settings = coulomb switch
        {
            "dsf" => new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun),
            "pppm" => new CoulombSettings(CoulombMethod.Pppm, 0, 10.0, ErfcFlavor.Exact, accuracy),
            _ => throw new InputException($"--coulomb {coulomb}: the sweep runs dsf or pppm"),
        };
        bool perPairFlops = settings.Method == CoulombMethod.Dsf;
        using var gpu = new GpuDevice(GpuDeviceKinds.Parse(device));
        string label = perPairFlops ? "DSF 10 Å (alpha 0.2, A&S erfc)" : $"pppm {accuracy:G3} (smooth PME on the device, real space 10 Å)";
        Console.WriteLine($"# device: {gpu.Description}; BKS + {label}, NVE 1 fs, {steps} timed steps after 20 warm-up steps");
        Console.WriteLine($"# FP64 peak assumed {peakTflops} TFLOP/s (--peak-tflops; H100 SXM 34, H100 PCIe 26, H200 34); {FlopsPerPair} FLOPs per pair evaluation");
        Console.WriteLine("atoms,replicate,seconds,atom_steps_per_s,list_entries_per_atom,pair_evaluations_per_s,tflops,fraction_of_peak,list_builds");
        var glass = ShippedStructures.Read("silica1800");
        foreach (int n in reps)
        {
            var s = Replication.Replicate(glass, n, n, n);
            var ff = new CompiledForceField(ForceFieldCatalog.Resolve("bks", Composition.FromAtoms(s)), s, 10.0, settings);
            Kinetics.AssignMaxwellBoltzmann(s, 300, 1);
            using var backend = new GpuBackend(gpu);
            var forces = new ForceComputer(ff, backend);
            // resident on the device (Simulation puts every stage there on the Gpu back end); the timed stage includes its one initial force call
            var simulation = new Simulation(s, forces);
            simulation.Run([new Stage("warm-up", EnsembleSettings.Nve(), 20, 0.001)]);
            var clock = Stopwatch.StartNew();
            simulation.Run([new Stage("timed", EnsembleSettings.Nve(), steps, 0.001)]);
            double seconds = clock.Elapsed.TotalSeconds;
            double atomSteps = (double)s.Count * steps / seconds;
            double entries = backend.MeanListEntries();
            double pairsPerS = atomSteps * entries;
            double tflops = pairsPerS * FlopsPerPair / 1e12;
            string flops = perPairFlops ? string.Create(CultureInfo.InvariantCulture, $"{tflops:G3},{tflops / peakTflops:G3}") : ",";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Count},{n},{seconds:F3},{atomSteps:G4},{entries:F1},{pairsPerS:G4},{flops},{backend.ListBuilds}"));
        }
        return 0;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length) throw new InputException($"{name} needs a value");
        return args[i + 1];
    }
}

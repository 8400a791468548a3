using System.CommandLine;
using System.Globalization;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Paths;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab neb --initial A.data --final B.data --forcefield FF [--images 9] [--climbing] --out DIR</c>: a migration barrier by NEB.</summary>
public static class NebCommand
{
    public static Command Create()
    {
        var ffo = new ForceFieldOptions("--initial", "LAMMPS data file of the initial state");
        var final = new Option<string>("--final") { Description = "LAMMPS data file of the final state (same atoms, matched by id, same box)", Required = true };
        var images = new Option<int>("--images") { Description = "images on the path, the two end states included", DefaultValueFactory = _ => 9 };
        var climbing = new Option<bool>("--climbing") { Description = "climbing image: the highest image climbs to the saddle (default on; --climbing false for a plain NEB)", DefaultValueFactory = _ => true };
        var spring = new Option<double>("--spring") { Description = "spring constant between images (eV/Å²)", DefaultValueFactory = _ => 5.0 };
        var ftol = new Option<double>("--ftol") { Description = "converged when every NEB force component is below this (eV/Å)", DefaultValueFactory = _ => 0.01 };
        var maxIt = new Option<int>("--max-iterations") { Description = "FIRE iterations on the band", DefaultValueFactory = _ => 5000 };
        var noRelax = new Option<bool>("--no-relax-ends") { Description = "use the end states as given (default: FIRE-minimized first)" };
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("neb", "Minimum-energy path and barrier between two states by the nudged elastic band");
        ffo.AddTo(cmd);
        foreach (var o in new Option[] { final, images, climbing, spring, ftol, maxIt, noRelax, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            using var bound = ffo.Bind(p);
            var (initial, ff, backend) = bound;
            string finalPath = p.GetValue(final)!;
            var finalSystem = LammpsDataReader.Read(finalPath, initial.TypeElements);
            var settings = new NebSettings(p.GetValue(images), p.GetValue(spring), p.GetValue(climbing), p.GetValue(ftol), p.GetValue(maxIt));
            string outDir = p.GetValue(outOpt)!;
            LogFile.To(outDir, "neb");
            var request = new MigrationBarrier.Request(initial, finalSystem, p.GetValue(ffo.Data)!, finalPath, settings, RelaxEnds: !p.GetValue(noRelax));
            var (r, _) = MigrationBarrier.Run(request, ff, backend, outDir);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"barrier {r.BarrierEv:0.####} eV (reverse {r.ReverseBarrierEv:0.####} eV) at image {r.HighestImage} of {r.Images.Length - 1}{(r.ClimbingImage >= 0 ? ", climbing" : "")}; {(r.Converged ? "converged" : "NOT converged")} in {r.Iterations} iterations (max force {r.MaxForce:G3} eV/Å); results in {outDir}"));
            if (r.Converged) return 0;
            Console.Error.WriteLine($"error: the band did not converge in {r.Iterations} iterations (max force {r.MaxForce:G3} eV/Å > --ftol); the path so far is in {outDir}; raise --max-iterations or add images");
            return 1;
        }));
        return cmd;
    }
}

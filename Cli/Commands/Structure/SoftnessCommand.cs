using System.CommandLine;
using FractureLab.BondSwitch.Softness;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab softness --reference FILE --current FILE... --center EL --neighbor EL [--features O,B,...] --out DIR</c>:
/// radial-structure-function features of the centre atoms in the reference, labels from bond switching over the
/// current snapshots, a cross-validated logistic-regression classifier, and softness per atom and vs strain.
/// </summary>
public static class SoftnessCommand
{
    public static Command Create()
    {
        var opts = new SwitchOptions();
        var fo = new SoftnessFeatureOptions("neighbour species of the features, e.g. O,B,P,Li (default: every element present)");
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("softness", "Softness of centre atoms (radial features, logistic regression on bond-switching labels)");
        opts.AddTo(cmd);
        fo.AddTo(cmd);
        cmd.Options.Add(outOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var (reference, currents, analysis, _) = opts.Load(p);
            var grid = fo.Grid(p, reference.System.TypeElements.Where(reference.Has).ToArray());
            var r = SoftnessAnalysis.Run(analysis, reference, currents, grid, p.GetValue(fo.Folds), p.GetValue(fo.L2), p.GetValue(fo.Seed));
            foreach (string line in SoftnessReport.Write(r, analysis, grid, p.GetValue(fo.L2), new LabOutput(p.GetValue(outOpt)!))) Console.WriteLine(line);
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using FractureLab.BondSwitch.IonDynamics;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab conductivity DIR... [--out DIR]</c>: gathers the summary.json of diffusion analyses (searched below
/// each folder) at several temperatures into the Arrhenius fit of D(T): activation energy, prefactor, and the
/// Nernst-Einstein conductivity extrapolated to 300 K.
/// </summary>
public static class ConductivityCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("folders") { Description = "folders holding diffusion summary.json files (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var at = new Option<double>("--at") { Description = "temperature of the extrapolation (K)", DefaultValueFactory = _ => 300.0 };
        var outOpt = new Option<string?>("--out") { Description = "output folder (default: the first folder's arrhenius/)" };
        var charge = new Option<string?>("--charge") { Description = ConductivityCharge.Help + "; default: the charge the diffusion summaries used" };
        var cmd = new Command("conductivity", "Arrhenius fit of diffusion results at several temperatures; conductivity at 300 K");
        cmd.Arguments.Add(dirs);
        cmd.Options.Add(at);
        cmd.Options.Add(outOpt);
        cmd.Options.Add(charge);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var folders = p.GetValue(dirs)!;
            Console.WriteLine(ArrheniusReport.Write(folders, p.GetValue(at), p.GetValue(outOpt) ?? Path.Combine(folders[0], "arrhenius"), p.GetValue(charge)).Text);
            return 0;
        }));
        return cmd;
    }
}

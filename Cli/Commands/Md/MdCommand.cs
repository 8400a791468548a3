using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab md</c>: molecular dynamics on a LAMMPS data file.</summary>
public static class MdCommand
{
    public static Command Create()
    {
        var ffo = new ForceFieldOptions();
        var mdo = new MdOptions();
        var cmd = new Command("md", "Run molecular dynamics on a LAMMPS data file (NVE, NVT or NPT)");
        ffo.AddTo(cmd);
        mdo.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            using var bound = ffo.Bind(p);
            var (system, ff, backend) = bound;
            var plan = MdPlanOptions.From(p, mdo, hasFileVelocities: LammpsDataReader.HasVelocities(p.GetValue(ffo.Data)!));
            LogFile.To(plan.OutDir, "md");
            var outcome = MdDriver.Run(system, ff, backend, plan, p.GetValue(ffo.Data)!, (t, b) => ConsoleProgress.Run(t, b, atoms: system.Count));
            (outcome.Code == 0 ? Console.Out : Console.Error).WriteLine(outcome.Message);
            return outcome.Code;
        }));
        return cmd;
    }
}

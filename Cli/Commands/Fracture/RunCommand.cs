using FractureLab.Mechanics.Engines;
using System.CommandLine;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab run [RUN.toml]</c>, the main job: a glass pre-cracked and pulled until it separates, with E and
/// ν from an uncracked copy (SCIENCE.md §2-3). Without a file: the shipped 3600-atom BKS silica glass (bks-wall, DSF),
/// centre crack 2a/W = 1/3, protocol A at 1e10 1/s, 300 K (RunConfig.Default). Minimized snapshots of the pull give the bond-switching
/// curves of the network formers present.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("run") { Description = "run file (TOML); without it the embedded default runs", Arity = ArgumentArity.ZeroOrOne };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/run" };
        var backendOpts = new BackendOptions();
        var resumeOpt = new Option<bool>("--resume") { Description = "continue an interrupted run from the checkpoints in OUT/checkpoint" };
        var cmd = new Command("run", "Fracture run: pre-crack a glass and pull it until it separates (embedded default without a file)");
        cmd.Arguments.Add(file);
        cmd.Options.Add(outOpt);
        backendOpts.AddTo(cmd);
        cmd.Options.Add(resumeOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var config = p.GetValue(file) is { } path ? RunConfig.Load(path) : RunConfig.Default();
            using var backend = backendOpts.Choice(p);
            return Execute(config, backend, p.GetValue(outOpt)!, p.GetValue(resumeOpt));
        }));
        return cmd;
    }

    public static int Execute(RunConfig config, BackendChoice backend, string outDir, bool resume = false)
    {
        LogFile.To(outDir, "run");
        var outcome = RunDirectory.Run(config, backend, outDir, resume, (t, b) => ConsoleProgress.Run(t, b));
        Console.WriteLine(outcome.Headline());
        if (outcome.Result.Cancelled) Console.Error.WriteLine("cancelled: partial results written");
        return outcome.ExitCode;
    }
}

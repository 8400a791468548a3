using System.CommandLine;
using FractureLab.Cli.Commands;
using FractureLab.Experiments;
using FractureLab.Mechanics;
using Serilog;

namespace FractureLab.Cli;

/// <summary>
/// Entry point of <c>fracturelab</c>. Bad input ends with one line on stderr and exit code 1; usage
/// errors with exit code 2; never a stack trace.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Log.Logger = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}")
            .CreateLogger();
        try
        {
            var root = new RootCommand("FractureLab: fracture and mechanics simulation of disordered solids");
            root.Subcommands.Add(RunCommand.Create());
            root.Subcommands.Add(EvalCommand.Create());
            root.Subcommands.Add(NebCommand.Create());
            root.Subcommands.Add(NebHopsCommand.Create());
            root.Subcommands.Add(MdCommand.Create());
            root.Subcommands.Add(BuildGlassCommand.Create());
            root.Subcommands.Add(BuildCrystalCommand.Create());
            root.Subcommands.Add(BuildGlassCeramicCommand.Create());
            root.Subcommands.Add(AddShellsCommand.Create());
            root.Subcommands.Add(CampaignCommand.Create());
            root.Subcommands.Add(ToughnessCommand.Create());
            root.Subcommands.Add(SchemaCommand.Create());
            root.Subcommands.Add(AnalyzeCommands.Curve());
            root.Subcommands.Add(AnalyzeCommands.Lammps());
            root.Subcommands.Add(SepbCommand.Create());
            root.Subcommands.Add(CrackResistanceCommand.Create());
            root.Subcommands.Add(CompareCommand.Create());
            root.Subcommands.Add(PlotCommand.Create());
            root.Subcommands.Add(BondSwitchCommand.Create());
            root.Subcommands.Add(StructureCommand.Create());
            root.Subcommands.Add(ProfileCommand.Create());
            root.Subcommands.Add(SoftnessCommand.Create());
            root.Subcommands.Add(IonSoftnessCommand.Create());
            root.Subcommands.Add(DiffusionCommand.Create());
            root.Subcommands.Add(ConductivityCommand.Create());
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {OneLine(e.Message)}");
                Console.Error.WriteLine("usage: fracturelab --help");
                return 2;
            }
            return parse.Invoke();
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return 1;
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }

    /// <summary>
    /// An error message as one line a user can read: line breaks folded, and any word longer than 80 characters (a
    /// megabyte-long number in a broken file) cut to its start and its length.
    /// </summary>
    public static string OneLine(string message)
    {
        var words = message.Replace('\r', ' ').Replace('\n', ' ').Split(' ');
        return string.Join(' ', words.Select(w => w.Length <= 80 ? w : $"{w[..40]}…({w.Length} characters)"));
    }

    /// <summary>Runs a command body, turning bad input and I/O failures into one line and exit code 1.</summary>
    public static int Guard(Func<int> body)
    {
        try { return body(); }
        catch (InputException e) { Console.Error.WriteLine($"error: {OneLine(e.Message)}"); return 1; }
        catch (LabDataException e) { Console.Error.WriteLine($"error: {OneLine(e.Message)}"); return 1; }
        catch (OperationCanceledException e) { Console.Error.WriteLine($"cancelled: {e.Message}"); return 130; }
        catch (IOException e) { Console.Error.WriteLine($"error: {OneLine(e.Message)}"); return 1; }
        catch (UnauthorizedAccessException e) { Console.Error.WriteLine($"error: {OneLine(e.Message)}"); return 1; }
        catch (Exception e)
        {
            // A defect, not bad input: one line for the user, the stack trace in the debug log only.
            Log.Error(e, "internal error");
            Console.Error.WriteLine($"error: internal error ({e.GetType().Name}: {OneLine(e.Message)}); please report it with the command line{(LogFile.Current is { } f ? $" and {f}" : "")}");
            return 1;
        }
    }
}

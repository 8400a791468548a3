using Serilog;
using Serilog.Events;

namespace FractureLab.Cli.Commands;

/// <summary>
/// The log of a command that writes an output folder: <c>OUT/fracturelab.log</c> (Serilog file sink, every level including the
/// debug-level stack trace of an internal error) beside the console's information lines; the file a user attaches to a report.
/// </summary>
public static class LogFile
{
    public const string Name = "fracturelab.log";

    /// <summary>The log file in use, if any (named in the internal-error message).</summary>
    public static string? Current { get; private set; }

    public static void To(string outDir, string command)
    {
        Directory.CreateDirectory(outDir);
        Current = Path.Combine(outDir, Name);
        Log.CloseAndFlush();
        Log.Logger = new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Information, standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}")
            .WriteTo.File(Current, outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}", shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
        Log.Information("fracturelab {Command} {Version} on {Machine}, {Cores} cores; {Args}", command, FractureLab.Mechanics.BuildVersion.Text, Environment.MachineName,
            Environment.ProcessorCount, string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
    }
}

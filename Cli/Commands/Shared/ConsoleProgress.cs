using Serilog;
using Spectre.Console;

namespace FractureLab.Cli.Commands;

/// <summary>
/// A long job's progress bar (Spectre.Console when the terminal is interactive, a log line per 10 % otherwise)
/// and its Ctrl+C: the token is cancelled, the job saves what it has and returns.
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="body"/>, which reports (description, done, total) and watches the token.</summary>
    public static void Run(string title, Action<Action<string, double, double>, CancellationToken> body, bool interactive = true)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (interactive && AnsiConsole.Profile.Capabilities.Interactive)
                AnsiConsole.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask(title, maxValue: 1.0);
                    body((what, done, total) => { task.Description = $"{title}: {what}"; task.Value = total > 0 ? done / total : 0; }, cancel.Token);
                });
            else
            {
                int lastDecile = -1;
                string lastWhat = "";
                body((what, done, total) =>
                {
                    int decile = total > 0 ? (int)(10 * done / total) : 0;
                    if (decile != lastDecile || what != lastWhat) Log.Information("{Title}: {What} {Percent}%", title, what, decile * 10);
                    lastDecile = decile;
                    lastWhat = what;
                }, cancel.Token);
            }
        }
        finally { Console.CancelKeyPress -= onCancel; }
    }
}

using System.Diagnostics;
using System.Globalization;
using Serilog;
using Spectre.Console;

namespace FractureLab.Cli.Commands;

/// <summary>
/// A long job's progress (issue 20.8): a Spectre.Console bar per stage with elapsed time, rate and ETA when the terminal is
/// interactive, else a log line per 10 % of each stage with the same figures; and its Ctrl+C: the token is cancelled, the
/// job saves what it has and returns, and the caller's message starts on a line of its own.
/// </summary>
public static class ConsoleProgress
{
    /// <summary>
    /// Runs <paramref name="body"/>, which reports (stage, done, total) and watches the token. With <paramref name="atoms"/>,
    /// done and total count MD steps and the rate is shown as steps/s and atom-steps/s; otherwise as % per minute.
    /// The ETA is that of the current stage (from its mean rate so far).
    /// </summary>
    public static void Run(string title, Action<Action<string, double, double>, CancellationToken> body, bool interactive = true, int atoms = 0)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (interactive && AnsiConsole.Profile.Capabilities.Interactive)
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        ProgressTask? task = null;
                        var stage = new Stage("");
                        body((what, done, total) =>
                        {
                            if (task is null || what != stage.What)
                            {
                                task?.StopTask();
                                task = ctx.AddTask(Markup.Escape($"{title}: {what}"), maxValue: 1.0);
                                stage = new Stage(what);
                            }
                            task.Value = total > 0 ? Math.Min(1, done / total) : 0;
                            task.Description = Markup.Escape($"{title}: {what} ({stage.Rate(done, total, atoms)})");
                        }, cancel.Token);
                    });
            else
            {
                int lastDecile = -1;
                var stage = new Stage("");
                body((what, done, total) =>
                {
                    if (what != stage.What) { stage = new Stage(what); lastDecile = -1; }
                    int decile = total > 0 ? (int)(10 * done / total) : 0;
                    if (decile != lastDecile)
                        Log.Information("{Title}: {What} {Percent}% ({Progress})", title, what, decile * 10, stage.Rate(done, total, atoms, eta: true));
                    lastDecile = decile;
                }, cancel.Token);
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            // the terminal echoed ^C after the bar: what the caller says next gets a line of its own
            if (cancel.IsCancellationRequested) Console.Error.WriteLine();
        }
    }

    /// <summary>One stage's clock: its rate and ETA from the progress since the stage began.</summary>
    private sealed class Stage(string what)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _first = double.NaN;
        public string What { get; } = what;

        public string Rate(double done, double total, int atoms, bool eta = false)
        {
            if (double.IsNaN(_first)) _first = done;
            double s = _clock.Elapsed.TotalSeconds, rate = s > 0 ? (done - _first) / s : 0;
            var ci = CultureInfo.InvariantCulture;
            string r = atoms > 0
                ? string.Create(ci, $"{rate:F0} steps/s, {rate * atoms:G3} atom-steps/s")
                : string.Create(ci, $"{(total > 0 ? 6000 * rate / total : 0):F1} %/min");
            if (!eta) return r;
            string left = rate > 0 && total > done ? Format(TimeSpan.FromSeconds((total - done) / rate)) : "-";
            return $"elapsed {Format(_clock.Elapsed)}, {r}, ETA {left}";
        }

        private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}

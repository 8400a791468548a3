namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// Runs a long job's <paramref name="body"/>, which reports (what, done, total) and watches the token; the caller
/// decides how progress is shown (a Spectre.Console bar in the command line, log lines in a batch job, nothing in a
/// test) and what cancels it (Ctrl+C). Libraries take one of these instead of writing to the console.
/// </summary>
public delegate void ProgressRunner(string title, Action<Action<string, double, double>, CancellationToken> body);

/// <summary>Progress runners that need no console.</summary>
public static class Progress
{
    /// <summary>Runs the body with no display and a token that is never cancelled (tests, nested jobs).</summary>
    public static readonly ProgressRunner Silent = (_, body) => body((_, _, _) => { }, CancellationToken.None);
}

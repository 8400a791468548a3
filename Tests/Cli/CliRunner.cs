using FractureLab.Cli;

namespace FractureLab.Tests.Cli;

/// <summary>Runs <c>fracturelab</c> in-process and captures its standard error (tests that use it share the "console" collection).</summary>
public static class CliRunner
{
    public static (int Code, string Err) Run(params string[] args)
    {
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        try { return (Program.Main(args), err.ToString()); }
        finally { Console.SetError(old); }
    }
}

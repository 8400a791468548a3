using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab schema forcefield</c>: prints the keys of a file type as a Markdown table (from the definition the reader checks against).</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "file type: forcefield" };
        var cmd = new Command("schema", "Print the keys of an input file type (the same definition the reader enforces)");
        cmd.Arguments.Add(kind);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string k = p.GetValue(kind)!;
            if (k != "forcefield") throw new InputException($"schema '{k}'{KeySuggestions.Suggest(k, ["forcefield"])}: known: forcefield");
            Console.Write(ForceFieldSchema.Markdown());
            return 0;
        }));
        return cmd;
    }
}
